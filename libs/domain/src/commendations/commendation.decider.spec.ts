import { deciderSpec } from '@civic/testing';
import { UnitsOnDate } from '../shared/unit-context';
import { GrantCommendation } from './commendation.commands';
import { commendationDecider } from './commendation.decider';
import { CommendationGranted, CommendationGrantedData } from './commendation.events';

const UNITS: UnitsOnDate = {
  '01': { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương', provinceCode: '01' },
  '002': { code: '002', level: 'DISTRICT', name: 'Quận Hoàn Kiếm', type: 'Quận', provinceCode: '01' },
  '006': { code: '006', level: 'DISTRICT', name: 'Quận Đống Đa', type: 'Quận', provinceCode: '01' },
  '00238': { code: '00238', level: 'COMMUNE', name: 'Phường Khương Thượng', type: 'Phường', provinceCode: '01' },
  '20206': { code: '20206', level: 'COMMUNE', name: 'Phường Thanh Khê Tây', type: 'Phường', provinceCode: '48' },
};

/** Quận Hoàn Kiếm, 08/01/2021: 41 collectives and 56 individuals given giấy khen by UBND quận and UB MTTQ quận (seed 003). */
const hoanKiemFrontAwards: GrantCommendation['data'] = {
  commendationId: '3c1e5f0a-2b4d-4c6e-8f10-2a3b4c5d6e7f',
  award: { form: 'GIAY_KHEN' },
  commendationType: 'CONG_TRANG',
  issuer: { body: 'UBND', unitCode: '002' },
  jointIssuers: [{ body: 'UB_MTTQ', unitCode: '002' }],
  proposer: null,
  grantedOn: '2021-01-08',
  grantedOnPrecision: 'DAY',
  forYear: 2020,
  decisionNumber: null,
  recipients: { collectives: { count: 41, qualifier: 'EXACT' as const }, individuals: { count: 56, qualifier: 'EXACT' as const } },
  reason: 'Thành tích xuất sắc trong công tác mặt trận năm 2020',
  posthumous: false,
  meetingId: null,
  movementId: null,
};

const grant = (data: Partial<GrantCommendation['data']> = {}, receivedOn = '2026-11-23', units: UnitsOnDate = UNITS): GrantCommendation => ({
  type: 'GrantCommendation',
  data: { ...hoanKiemFrontAwards, ...data },
  metadata: { receivedOn, units },
});
const granted = (data: Partial<CommendationGrantedData> = {}): CommendationGranted => ({
  type: 'CommendationGranted',
  data: { ...hoanKiemFrontAwards, regime: 'A', ...data },
});

describe('commendationDecider', () => {
  const spec = deciderSpec(commendationDecider);

  describe('GrantCommendation', () => {
    it('records giấy khen granted jointly by the district People’s Committee and Fatherland Front (regime A)', () => {
      spec.given([]).when(grant()).then([granted()]);
    });

    it('holds what the source leaves vague: a date on or before the meeting that reported it, a count of "more than"', () => {
      const vague = { grantedOnPrecision: 'ON_OR_BEFORE' as const, recipients: { collectives: { count: 40, qualifier: 'AT_LEAST' as const } } };
      spec.given([]).when(grant(vague)).then([granted(vague)]);
      const inMarch = { grantedOn: '2021-03-01', grantedOnPrecision: 'MONTH' as const };
      spec.given([]).when(grant(inMarch)).then([granted(inMarch)]);
    });

    it('refuses a date known to the month that is not written as the month’s first day', () => {
      const refusal = spec.given([]).when(grant({ grantedOn: '2021-03-15', grantedOnPrecision: 'MONTH' })).thenRefuses('COMMENDATION.MONTH_NOT_FIRST_DAY', 'grantedOn');
      expect(refusal.message).toContain('2021-03-01');
    });

    it('records the Government’s emulation flag to the district Party organisation, on or before the meeting that reports it (seed 003)', () => {
      const flag = {
        award: { title: 'CO_THI_DUA_CHINH_PHU' as const },
        issuer: { body: 'CHINH_PHU' as const, unitCode: 'VN' },
        jointIssuers: [],
        grantedOnPrecision: 'ON_OR_BEFORE' as const,
        recipients: { collectives: { names: ['Đảng bộ quận Hoàn Kiếm'] } },
        reason: 'Đơn vị dẫn đầu phong trào thi đua năm 2020',
      };
      spec.given([]).when(grant(flag)).then([granted(flag)]);
      const bangKhen = { ...flag, award: { form: 'BANG_KHEN' as const }, issuer: { body: 'UBTW_MTTQ' as const, unitCode: 'VN' } };
      spec.given([]).when(grant(bangKhen)).then([granted(bangKhen)]);
    });

    it('refuses a national award from a body that may not grant it, a national body at a local unit, and a local body at the nation', () => {
      const frontFlag = grant({ award: { title: 'CO_THI_DUA_CHINH_PHU' }, issuer: { body: 'UBTW_MTTQ', unitCode: 'VN' }, jointIssuers: [], recipients: { collectives: { count: 1, qualifier: 'EXACT' } } });
      const refusal = spec.given([]).when(frontFlag).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER', 'issuer/body');
      expect(refusal.details.legalBasis).toMatch(/Mặt trận/);
      spec.given([]).when(grant({ issuer: { body: 'CHINH_PHU', unitCode: '002' }, jointIssuers: [] })).thenRefuses('COMMENDATION.ISSUER_DID_NOT_EXIST', 'issuer/body');
      spec.given([]).when(grant({ issuer: { body: 'UBND', unitCode: 'VN' }, jointIssuers: [] })).thenRefuses('COMMENDATION.ISSUER_DID_NOT_EXIST', 'issuer/body');
    });

    it('stores the regime in force on the grant date', () => {
      const later = { grantedOn: '2024-03-01', forYear: 2023 };
      spec.given([]).when(grant(later)).then([granted({ ...later, regime: 'B' })]);
    });

    it('refuses a bằng khen from a ward body, in every regime', () => {
      const wardBangKhen = { award: { form: 'BANG_KHEN' as const }, issuer: { body: 'UBND' as const, unitCode: '00238' }, jointIssuers: [] };
      spec.given([]).when(grant(wardBangKhen)).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER', 'issuer/body');
      spec.given([]).when(grant({ ...wardBangKhen, grantedOn: '2025-08-01', forYear: 2025 })).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER');
    });

    it('refuses a cờ thi đua from a ward', () => {
      spec
        .given([])
        .when(grant({ award: { title: 'CO_THI_DUA_BO_NGANH_TINH' }, issuer: { body: 'UB_MTTQ', unitCode: '00238' }, jointIssuers: [], recipients: { collectives: { count: 1, qualifier: 'EXACT' as const } } }))
        .thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER');
    });

    it('names the legal basis and what the issuer may grant when it refuses', () => {
      expect(() =>
        commendationDecider.decide(grant({ award: { form: 'BANG_KHEN' }, issuer: { body: 'UBND', unitCode: '00238' }, jointIssuers: [] }), { status: 'NOT_GRANTED' }),
      ).toThrow(
        expect.objectContaining({
          rule: expect.stringMatching(/Ủy ban nhân dân \(UBND\) of Phường Khương Thượng may grant only LAO_DONG_TIEN_TIEN, GIAY_KHEN, GIA_DINH_VAN_HOA/),
          details: expect.objectContaining({ legalBasis: expect.stringContaining('Luật Thi đua, khen thưởng 2003') }),
        }),
      );
    });

    describe('Tổ dân phố văn hóa: the district chair until 2025-06-30, the ward chair after', () => {
      const tdpVanHoa = (issuerCode: string, grantedOn: string) => ({
        award: { title: 'THON_TDP_VAN_HOA' as const },
        issuer: { body: 'UBND' as const, unitCode: issuerCode },
        jointIssuers: [],
        grantedOn,
        forYear: Number(grantedOn.slice(0, 4)) - 1,
        recipients: { collectives: { count: 13, qualifier: 'EXACT' as const } },
      });

      it('accepts it from quận Đống Đa in 2021 (13 of 18 residential groups of Khương Thượng, seed 004)', () => {
        spec.given([]).when(grant(tdpVanHoa('006', '2021-01-28'))).then([granted(tdpVanHoa('006', '2021-01-28'))]);
      });

      it('refuses it from the ward chair before the reform', () => {
        spec.given([]).when(grant(tdpVanHoa('00238', '2021-01-28'))).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER');
        spec.given([]).when(grant(tdpVanHoa('00238', '2024-12-20'))).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER');
      });

      it('accepts it from the ward chair under two-tier government (Decree 129/2025)', () => {
        spec.given([]).when(grant(tdpVanHoa('00238', '2026-01-15'))).then([granted({ ...tdpVanHoa('00238', '2026-01-15'), regime: 'C' })]);
      });

      it('refuses it from a district after 2025-06-30: the district no longer exists', () => {
        spec.given([]).when(grant(tdpVanHoa('006', '2026-01-15'), '2026-11-23', { ...UNITS, '006': null })).thenRefuses('COMMENDATION.ISSUER_UNIT_NOT_IN_FORCE', 'issuer/unitCode');
      });
    });

    it('refuses "xã, phường tiêu biểu" before the 2022 law took effect, and accepts it from the city after', () => {
      const exemplary = (grantedOn: string) => ({
        award: { title: 'XA_PHUONG_TIEU_BIEU' as const },
        issuer: { body: 'UBND' as const, unitCode: '01' },
        jointIssuers: [],
        grantedOn,
        forYear: Number(grantedOn.slice(0, 4)),
        recipients: { collectives: { names: ['Phường Khương Thượng'] } },
      });
      spec.given([]).when(grant(exemplary('2023-12-15'))).thenRefuses('COMMENDATION.AWARD_NOT_IN_REGIME', 'award/title');
      spec.given([]).when(grant(exemplary('2024-12-15'))).then([granted({ ...exemplary('2024-12-15'), regime: 'B' })]);
    });

    it('gives "gia đình văn hóa" only to households', () => {
      const cultural = { award: { title: 'GIA_DINH_VAN_HOA' as const }, issuer: { body: 'UBND' as const, unitCode: '00238' }, jointIssuers: [] };
      spec.given([]).when(grant({ ...cultural, recipients: { collectives: { count: 2, qualifier: 'EXACT' as const } } })).thenRefuses('COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED', 'recipients/collectives');
      spec.given([]).when(grant({ ...cultural, recipients: { households: { count: 1532, qualifier: 'EXACT' as const } } })).then([granted({ ...cultural, recipients: { households: { count: 1532, qualifier: 'EXACT' as const } } })]);
    });

    it('gives individual titles only to individuals', () => {
      spec
        .given([])
        .when(grant({ award: { title: 'LAO_DONG_TIEN_TIEN' }, issuer: { body: 'UBND', unitCode: '00238' }, jointIssuers: [], recipients: { collectives: { count: 3, qualifier: 'EXACT' as const } } }))
        .thenRefuses('COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED');
    });

    it('cites the law in force on the grant date when it refuses a kind of recipient', () => {
      const cultural = { award: { title: 'GIA_DINH_VAN_HOA' as const }, issuer: { body: 'UBND' as const, unitCode: '00238' }, jointIssuers: [], recipients: { collectives: { count: 2, qualifier: 'EXACT' as const } } };
      const in2021 = spec.given([]).when(grant({ ...cultural, grantedOn: '2021-12-20', forYear: 2021 })).thenRefuses('COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED');
      expect(in2021.details.legalBasis).toMatch(/Luật Thi đua, khen thưởng 2003/);
      const in2024 = spec.given([]).when(grant({ ...cultural, grantedOn: '2024-12-20', forYear: 2024 })).thenRefuses('COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED');
      expect(in2024.details.legalBasis).toMatch(/06\/2022\/QH15/);
    });

    it('makes an award after death (truy tặng) only to individuals', () => {
      spec.given([]).when(grant({ posthumous: true, recipients: { individuals: { names: ['Nguyễn Văn Liệt sĩ'] } } })).then([
        granted({ posthumous: true, recipients: { individuals: { names: ['Nguyễn Văn Liệt sĩ'] } } }),
      ]);
      const refusal = spec.given([]).when(grant({ posthumous: true })).thenRefuses('COMMENDATION.POSTHUMOUS_ONLY_TO_INDIVIDUALS', 'recipients/collectives');
      expect(refusal.rule).toMatch(/truy tặng/);
      expect(refusal.details.legalBasis).toBeTruthy();
    });

    it("refuses a proposer body that did not exist on the grant date: a Hà Nội ward's People's Council in 2022", () => {
      const proposal = { issuer: { body: 'UBND' as const, unitCode: '00238' }, jointIssuers: [], proposer: { body: 'HDND' as const, unitCode: '00238' }, grantedOn: '2022-06-01', forYear: 2022 };
      const refusal = spec.given([]).when(grant(proposal)).thenRefuses('COMMENDATION.PROPOSER_DID_NOT_EXIST', 'proposer/body');
      expect(refusal.details.legalBasis).toBe('Nghị quyết 97/2019/QH14');
    });

    it('names the abolition of districts, with its legal basis, when a district grants after 2025-06-30', () => {
      const refusal = spec.given([]).when(grant({ grantedOn: '2025-08-01', forYear: 2025 }, '2026-11-23', { ...UNITS, '002': null })).thenRefuses('COMMENDATION.ISSUER_UNIT_NOT_IN_FORCE', 'issuer/unitCode');
      expect(refusal.rule).toMatch(/districts were abolished on 2025-07-01/);
      expect(refusal.details.legalBasis).toMatch(/72\/2025\/QH15/);
    });

    it('refuses a commendation without recipients', () => {
      spec.given([]).when(grant({ recipients: {} })).thenRefuses('COMMENDATION.NO_RECIPIENT', 'recipients');
    });

    it('records the Mass Mobilisation Bloc as proposer of a ward Party committee giấy khen', () => {
      const proposed = {
        issuer: { body: 'DANG_UY' as const, unitCode: '20206' },
        jointIssuers: [],
        proposer: { body: 'KHOI_DAN_VAN' as const, unitCode: '20206' },
        grantedOn: '2022-01-13',
        forYear: 2021,
        recipients: { collectives: { count: 7, qualifier: 'EXACT' as const }, individuals: { count: 3, qualifier: 'EXACT' as const } },
      };
      spec.given([]).when(grant(proposed)).then([granted(proposed)]);
    });

    it('refuses a proposer whose unit did not exist on the grant date', () => {
      spec
        .given([])
        .when(grant({ proposer: { body: 'UBND', unitCode: '00070' } }))
        .thenRefuses('COMMENDATION.PROPOSER_UNIT_NOT_IN_FORCE', 'proposer/unitCode');
    });

    it('refuses the Mass Mobilisation Bloc as a grantor: it proposes, it does not grant', () => {
      spec.given([]).when(grant({ issuer: { body: 'KHOI_DAN_VAN', unitCode: '20206' }, jointIssuers: [], grantedOn: '2022-01-13', forYear: 2021 })).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER');
    });

    it("refuses a Hà Nội ward People's Council as issuer during the pilot", () => {
      spec.given([]).when(grant({ issuer: { body: 'HDND', unitCode: '00238' }, jointIssuers: [], grantedOn: '2022-06-01', forYear: 2022 })).thenRefuses('COMMENDATION.ISSUER_DID_NOT_EXIST');
    });

    it('checks every joint issuer', () => {
      spec.given([]).when(grant({ jointIssuers: [{ body: 'UB_MTTQ', unitCode: '00238' }, { body: 'UBND', unitCode: '00238' }], award: { title: 'THON_TDP_VAN_HOA' }, recipients: { collectives: { count: 1, qualifier: 'EXACT' as const } } })).thenRefuses('COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER', 'jointIssuers/0/body');
    });

    it('refuses a grant dated after today, and an achievement after the grant', () => {
      spec.given([]).when(grant({}, '2021-01-07')).thenRefuses('COMMENDATION.GRANTED_IN_FUTURE', 'grantedOn');
      spec.given([]).when(grant({ forYear: 2022 })).thenRefuses('COMMENDATION.ACHIEVEMENT_AFTER_GRANT', 'forYear');
    });

    it('refuses recording the same commendation twice', () => {
      spec.given([granted()]).when(grant()).thenRefuses('COMMENDATION.ALREADY_GRANTED');
    });
  });

  describe('RevokeCommendation', () => {
    const revoke = (revokedOn = '2021-06-01') => ({
      type: 'RevokeCommendation' as const,
      data: { commendationId: hoanKiemFrontAwards.commendationId, revokedOn, reason: 'Quyết định thu hồi do kê khai sai thành tích' },
      metadata: { receivedOn: '2026-11-23' },
    });

    it('revokes a granted commendation with its reason', () => {
      spec.given([granted()]).when(revoke()).then([{ type: 'CommendationRevoked', data: { ...revoke().data, unitCode: '002' } }]);
    });

    it('refuses to revoke twice, to revoke what was never granted, or to revoke before the grant', () => {
      const revoked = { type: 'CommendationRevoked' as const, data: { ...revoke().data, unitCode: '002' } };
      spec.given([granted(), revoked]).when(revoke()).thenRefuses('COMMENDATION.ALREADY_REVOKED');
      spec.given([]).when(revoke()).thenRefuses('COMMENDATION.NOT_FOUND');
      spec.given([granted()]).when(revoke('2020-12-31')).thenRefuses('COMMENDATION.REVOKED_OUT_OF_TIME', 'revokedOn');
    });
  });

  describe('WithdrawCommendationRecord', () => {
    const withdraw = {
      type: 'WithdrawCommendationRecord' as const,
      data: { commendationId: hoanKiemFrontAwards.commendationId, reason: 'Bài viết chỉ nêu đề nghị, không nêu quyết định khen thưởng' },
      metadata: { receivedOn: '2026-11-23' },
    };
    const withdrawn = { type: 'CommendationRecordWithdrawn' as const, data: { ...withdraw.data, withdrawnOn: '2026-11-23', unitCode: '002' } };
    const revoked = { type: 'CommendationRevoked' as const, data: { commendationId: hoanKiemFrontAwards.commendationId, revokedOn: '2021-06-01', reason: 'Thu hồi', unitCode: '002' } };

    it('withdraws a record made in error, dated the day it is withdrawn, under the grant’s unit; a revoked one too', () => {
      spec.given([granted()]).when(withdraw).then([withdrawn]);
      spec.given([granted(), revoked]).when(withdraw).then([withdrawn]);
    });

    it('refuses to withdraw twice or what was never recorded, and to revoke a withdrawn record', () => {
      spec.given([granted(), withdrawn]).when(withdraw).thenRefuses('COMMENDATION.RECORD_WITHDRAWN');
      spec.given([]).when(withdraw).thenRefuses('COMMENDATION.NOT_FOUND');
      const revoke = { type: 'RevokeCommendation' as const, data: revoked.data, metadata: { receivedOn: '2026-11-23' } };
      spec.given([granted(), withdrawn]).when(revoke).thenRefuses('COMMENDATION.RECORD_WITHDRAWN');
    });
  });
});
