import { CivicBody } from '../shared/civic-body';
import { ScopeLevel, UnitLevel } from '../shared/unit-code';
import { CommendationForm, EmulationTitle } from './commendation-vocabulary';
import { LegalRegime } from './legal-regime';

type Grantable = CommendationForm | EmulationTitle;

export interface Authority {
  readonly may: readonly Grantable[];
  readonly basis: string;
}

const STATE_BASIS: Record<LegalRegime, Record<UnitLevel, string>> = {
  A: {
    PROVINCE: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 77; Nghị định 91/2017/NĐ-CP',
    DISTRICT: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 77; Nghị định 122/2018/NĐ-CP',
    COMMUNE: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 77; Nghị định 122/2018/NĐ-CP',
  },
  B: {
    PROVINCE: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 79',
    DISTRICT: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 2',
    COMMUNE: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 3',
  },
  C: {
    PROVINCE: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 79; Nghị định 152/2025/NĐ-CP',
    DISTRICT: 'Luật Tổ chức chính quyền địa phương 72/2025/QH15 (no district level from 2025-07-01)',
    COMMUNE: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 3; Nghị định 129/2025/NĐ-CP',
  },
};

const PROVINCE_CHAIR: readonly Grantable[] = [
  'BANG_KHEN',
  'CO_THI_DUA_BO_NGANH_TINH',
  'CSTD_BO_NGANH_TINH',
  'TAP_THE_LD_XUAT_SAC',
  'TAP_THE_LD_TIEN_TIEN',
  'CSTD_CO_SO',
  'LAO_DONG_TIEN_TIEN',
];
const DISTRICT_CHAIR: readonly Grantable[] = ['THON_TDP_VAN_HOA', 'TAP_THE_LD_TIEN_TIEN', 'CSTD_CO_SO', 'LAO_DONG_TIEN_TIEN', 'GIAY_KHEN'];
const COMMUNE_CHAIR: readonly Grantable[] = ['LAO_DONG_TIEN_TIEN', 'GIAY_KHEN', 'GIA_DINH_VAN_HOA'];

/** People's Committee chairs (the state side, §1.6), by regime and level. */
const STATE: Record<LegalRegime, Partial<Record<UnitLevel, readonly Grantable[]>>> = {
  A: { PROVINCE: PROVINCE_CHAIR, DISTRICT: DISTRICT_CHAIR, COMMUNE: COMMUNE_CHAIR },
  // "Xã, phường, thị trấn tiêu biểu" is new in the 2022 law.
  B: { PROVINCE: [...PROVINCE_CHAIR, 'XA_PHUONG_TIEU_BIEU'], DISTRICT: DISTRICT_CHAIR, COMMUNE: COMMUNE_CHAIR },
  // Decree 129/2025 moves the district chair's powers to the commune chair.
  C: {
    PROVINCE: [...PROVINCE_CHAIR, 'XA_PHUONG_TIEU_BIEU'],
    COMMUNE: [...COMMUNE_CHAIR, 'THON_TDP_VAN_HOA', 'TAP_THE_LD_TIEN_TIEN', 'CSTD_CO_SO'],
  },
};

/** Bodies outside the state that grant under their own rules (§1.7); the same in every regime. */
const OWN_RULES: Partial<Record<CivicBody, { levels: Partial<Record<UnitLevel, readonly Grantable[]>>; basis: string }>> = {
  UB_MTTQ: {
    levels: { PROVINCE: ['CO_THI_DUA_BO_NGANH_TINH', 'BANG_KHEN'], DISTRICT: ['GIAY_KHEN'], COMMUNE: ['GIAY_KHEN'] },
    basis: 'Quy chế thi đua, khen thưởng của Mặt trận Tổ quốc Việt Nam',
  },
  DANG_UY: {
    levels: { PROVINCE: ['BANG_KHEN', 'GIAY_KHEN'], DISTRICT: ['GIAY_KHEN'], COMMUNE: ['GIAY_KHEN'] },
    basis: 'Quy định về khen thưởng của Đảng (cấp ủy các cấp)',
  },
  // A Party committee's standing board grants in its name; its commissions grant giấy khen in their own field
  // ("Khối Dân vận Đảng ủy được Ban Dân vận Thành ủy tặng giấy khen", seed 001). Wards have neither.
  BAN_THUONG_VU: {
    levels: { PROVINCE: ['BANG_KHEN', 'GIAY_KHEN'], DISTRICT: ['GIAY_KHEN'] },
    basis: 'Quy định về khen thưởng của Đảng (Ban Thường vụ cấp ủy)',
  },
  BAN_DAN_VAN: {
    levels: { PROVINCE: ['GIAY_KHEN'], DISTRICT: ['GIAY_KHEN'] },
    basis: 'Quy định về khen thưởng của Đảng (các ban của cấp ủy)',
  },
  ...Object.fromEntries(
    (['HOI_LHPN', 'HOI_CCB', 'DOAN_TNCS', 'HOI_NONG_DAN', 'CONG_DOAN'] as const).map((body) => [
      body,
      {
        levels: { PROVINCE: ['BANG_KHEN', 'GIAY_KHEN'], DISTRICT: ['GIAY_KHEN'], COMMUNE: ['GIAY_KHEN'] },
        basis: 'Điều lệ và quy chế khen thưởng của tổ chức chính trị - xã hội',
      },
    ]),
  ),
};

/** What the Prime Minister decides (Art. 78 of the 2022 law; the same titles under the 2003 law). */
const PRIME_MINISTER: readonly Grantable[] = ['CSTD_TOAN_QUOC', 'CO_THI_DUA_CHINH_PHU', 'BANG_KHEN'];
const PRIME_MINISTER_BASIS: Record<LegalRegime, string> = {
  A: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của Thủ tướng Chính phủ; Nghị định 91/2017/NĐ-CP',
  B: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78',
  C: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78; Nghị định 152/2025/NĐ-CP',
};

/**
 * The national bodies (§1.6, §1.7). The Government's emulation flag is awarded by the Prime Minister's decision in
 * the Government's name, so articles say either "Chính phủ tặng" or "Thủ tướng tặng"; the Front's Central
 * Committee grants its own flag and bằng khen under the Front's rules.
 */
function nationalAuthority(regime: LegalRegime, body: CivicBody): Authority {
  if (body === 'THU_TUONG') return { may: PRIME_MINISTER, basis: PRIME_MINISTER_BASIS[regime] };
  if (body === 'CHINH_PHU') return { may: ['CO_THI_DUA_CHINH_PHU'], basis: PRIME_MINISTER_BASIS[regime] };
  if (body === 'UBTW_MTTQ') return { may: ['CO_THI_DUA_BO_NGANH_TINH', 'BANG_KHEN'], basis: 'Quy chế thi đua, khen thưởng của Mặt trận Tổ quốc Việt Nam' };
  return { may: [], basis: 'Hiến pháp 2013: only the national bodies sit at the nation' };
}

/**
 * What a body of a unit at a level may grant under a regime, and on which legal basis. People's Councils, the
 * Mass Mobilisation Bloc, steering committees and councils grant nothing themselves: they propose.
 */
export function authorityOf(regime: LegalRegime, body: CivicBody, level: ScopeLevel): Authority {
  if (level === 'NATIONAL') return nationalAuthority(regime, body);
  if (body === 'UBND') return { may: STATE[regime][level] ?? [], basis: STATE_BASIS[regime][level] };
  const own = OWN_RULES[body];
  if (own) return { may: own.levels[level] ?? [], basis: own.basis };
  return { may: [], basis: 'Luật Thi đua, khen thưởng: this body proposes commendations but does not grant them' };
}
