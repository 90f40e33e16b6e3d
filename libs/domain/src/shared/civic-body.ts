/**
 * Bodies that convene meetings and grant commendations at a unit (domain-reference §4.3, §1.7).
 * Each value is the ASCII Vietnamese name; `vi` is the term officials use, `en` its gloss.
 */
export const CIVIC_BODIES = {
  DANG_UY: { vi: 'Đảng ủy', en: 'Party committee (Communist Party of Vietnam)' },
  HDND: { vi: 'Hội đồng nhân dân (HĐND)', en: "People's Council" },
  UBND: { vi: 'Ủy ban nhân dân (UBND)', en: "People's Committee" },
  UB_MTTQ: { vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam (UB MTTQ)', en: 'Vietnam Fatherland Front Committee' },
  KHOI_DAN_VAN: { vi: 'Khối Dân vận', en: 'Mass Mobilisation Bloc' },
  BCD_QCDC: {
    vi: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở (BCĐ QCDC)',
    en: 'Steering Committee for Grassroots Democracy Regulations',
  },
  HD_TDKT: { vi: 'Hội đồng Thi đua – Khen thưởng', en: 'Emulation and Commendation Council' },
  HOI_LHPN: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  HOI_CCB: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  DOAN_TNCS: { vi: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', en: 'Ho Chi Minh Communist Youth Union' },
  HOI_NONG_DAN: { vi: 'Hội Nông dân', en: "Farmers' Union" },
  CONG_DOAN: { vi: 'Công đoàn', en: 'Trade union' },
  BAN_CTMT: { vi: 'Ban công tác Mặt trận (tổ dân phố)', en: 'Front work committee of a residential group' },
  BAN_DAN_VAN: { vi: 'Ban Dân vận (của cấp ủy)', en: "Mass Mobilisation Commission of a Party committee (Ban Dân vận Thành ủy, Quận ủy)" },
  BAN_THUONG_VU: { vi: 'Ban Thường vụ (cấp ủy)', en: 'Standing Board of a Party committee (Ban Thường vụ Thành ủy, Quận ủy)' },
  CHINH_PHU: { vi: 'Chính phủ', en: 'the Government (national, unit VN)' },
  THU_TUONG: { vi: 'Thủ tướng Chính phủ', en: 'the Prime Minister (national, unit VN)' },
  UBTW_MTTQ: { vi: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', en: 'Central Committee of the Vietnam Fatherland Front (national, unit VN)' },
} as const;

export type CivicBody = keyof typeof CIVIC_BODIES;
export const CIVIC_BODY_VALUES = Object.keys(CIVIC_BODIES) as CivicBody[];

/** Bodies that sit only at the nation (unit VN), and the only ones that do. */
export const NATIONAL_BODIES: readonly CivicBody[] = ['CHINH_PHU', 'THU_TUONG', 'UBTW_MTTQ'];
