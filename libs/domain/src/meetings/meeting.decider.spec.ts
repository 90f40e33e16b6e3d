import { deciderSpec } from '@civic/testing';
import { MeetingHeld, MeetingHeldData } from './meeting.events';
import { meetingDecider } from './meeting.decider';
import { RecordMeeting } from './meeting.commands';
import { UnitsOnDate } from '../shared/unit-context';

/** Minh Khai ward, 12/01/2021: review of 2020 and tasks for 2021 (seed 000). */
const minhKhaiReview: MeetingHeldData = {
  meetingId: 'b8f0b9a2-6c1e-4d7e-9a55-0f1f6c2d9e01',
  unitCode: '00295',
  kind: 'HOI_NGHI_TONG_KET',
  title: 'Hội nghị tổng kết công tác xây dựng Đảng, chính quyền năm 2020',
  heldOn: '2021-01-12',
  venue: 'Hội trường Đảng ủy, HĐND, UBND phường Minh Khai',
  convenedBy: [
    { body: 'DANG_UY', unitCode: '00295' },
    { body: 'UBND', unitCode: '00295' },
  ],
  chairs: [],
  guests: [],
  subjectTerm: null,
  theme: null,
  reports: [],
  indicators: [],
  source: null,
  attendeeCount: null,
  reviewYear: 2020,
  planYear: 2021,
};

const HA_NOI_UNITS: UnitsOnDate = {
  '00295': { code: '00295', level: 'COMMUNE', name: 'Phường Minh Khai', type: 'Phường', provinceCode: '01' },
  '007': { code: '007', level: 'DISTRICT', name: 'Quận Hai Bà Trưng', type: 'Quận', provinceCode: '01' },
  '002': { code: '002', level: 'DISTRICT', name: 'Quận Hoàn Kiếm', type: 'Quận', provinceCode: '01' },
  '00070': { code: '00070', level: 'COMMUNE', name: 'Phường Hàng Trống', type: 'Phường', provinceCode: '01' },
};
const DA_NANG_UNITS: UnitsOnDate = {
  '20206': { code: '20206', level: 'COMMUNE', name: 'Phường Thanh Khê Tây', type: 'Phường', provinceCode: '48' },
  '491': { code: '491', level: 'DISTRICT', name: 'Quận Thanh Khê', type: 'Quận', provinceCode: '48' },
};

const record = (data: Partial<MeetingHeldData> = {}, receivedOn = '2021-01-19', units: UnitsOnDate = HA_NOI_UNITS): RecordMeeting => ({
  type: 'RecordMeeting',
  data: { ...minhKhaiReview, ...data },
  metadata: { receivedOn, units },
});

const held = (data: Partial<MeetingHeldData> = {}): MeetingHeld => ({ type: 'MeetingHeld', data: { ...minhKhaiReview, ...data } });

describe('meetingDecider', () => {
  const spec = deciderSpec(meetingDecider);

  describe('RecordMeeting', () => {
    it('records a meeting that was held', () => {
      spec.given([]).when(record()).then([held()]);
    });

    it('records a meeting held on the day it is recorded', () => {
      spec.given([]).when(record({ heldOn: '2021-01-19' }, '2021-01-19')).then([held({ heldOn: '2021-01-19' })]);
    });

    it('keeps an approximate attendance as reported', () => {
      const attendeeCount = { value: 300, qualifier: 'AT_LEAST' as const };
      spec.given([]).when(record({ attendeeCount })).then([held({ attendeeCount })]);
    });

    it('refuses to record the same meeting twice', () => {
      spec.given([held()]).when(record()).thenRefuses('MEETING.ALREADY_RECORDED');
    });

    it('refuses a meeting dated after the day it is recorded', () => {
      spec.given([]).when(record({ heldOn: '2021-01-20' }, '2021-01-19')).thenRefuses('MEETING.HELD_IN_FUTURE', 'heldOn');
    });

    it('refuses a review of a year that had not happened yet', () => {
      spec.given([]).when(record({ reviewYear: 2022, planYear: 2023 })).thenRefuses('MEETING.REVIEW_YEAR_AFTER_MEETING', 'reviewYear');
    });

    it('accepts a December review of the year that is ending', () => {
      spec.given([]).when(record({ heldOn: '2020-12-28', reviewYear: 2020, planYear: 2021 })).then([
        held({ heldOn: '2020-12-28', reviewYear: 2020, planYear: 2021 }),
      ]);
    });

    it('refuses tasks planned for a year already past', () => {
      spec.given([]).when(record({ planYear: 2020 })).thenRefuses('MEETING.PLAN_YEAR_BEFORE_MEETING', 'planYear');
    });

    it('refuses the same convening body listed twice', () => {
      const convenedBy = [
        { body: 'UBND' as const, unitCode: '00295' },
        { body: 'UBND' as const, unitCode: '00295' },
      ];
      spec.given([]).when(record({ convenedBy })).thenRefuses('MEETING.DUPLICATE_CONVENER', 'convenedBy');
    });

    it('accepts the same body of two different units convening together', () => {
      const convenedBy = [
        { body: 'UBND' as const, unitCode: '002' },
        { body: 'UB_MTTQ' as const, unitCode: '002' },
        { body: 'UB_MTTQ' as const, unitCode: '00070' },
      ];
      spec.given([]).when(record({ convenedBy })).then([held({ convenedBy })]);
    });

    it('refuses a meeting under a code no unit had on its date', () => {
      spec.given([]).when(record({}, '2021-01-19', { ...HA_NOI_UNITS, '00295': null })).thenRefuses('MEETING.UNIT_NOT_IN_FORCE', 'unitCode');
    });

    it('refuses a convening body of a unit that did not exist on the date', () => {
      const convenedBy = [{ body: 'UBND' as const, unitCode: '00295' }, { body: 'UB_MTTQ' as const, unitCode: '00322' }];
      spec.given([]).when(record({ convenedBy }, '2021-01-19', { ...HA_NOI_UNITS, '00322': null })).thenRefuses(
        'MEETING.CONVENER_UNIT_NOT_IN_FORCE',
        'convenedBy/1/unitCode',
      );
    });
  });

  describe('who may convene a meeting of each kind', () => {
    const session = (convenedBy: MeetingHeldData['convenedBy'], heldOn = '2021-01-12') => ({ kind: 'KY_HOP_HDND' as const, heldOn, reviewYear: null, planYear: null, convenedBy });

    it("records a People's Council session convened by the People's Council", () => {
      const bySelf = session([{ body: 'HDND', unitCode: '00295' }]);
      spec.given([]).when(record(bySelf)).then([held(bySelf)]);
    });

    it("refuses a People's Council session convened by a ward People's Committee, citing the local government law of its date", () => {
      const byCommittee = session([{ body: 'UBND', unitCode: '00295' }]);
      const refusal = spec.given([]).when(record(byCommittee)).thenRefuses('MEETING.CONVENER_NOT_ALLOWED_FOR_KIND', 'convenedBy/0/body');
      expect(refusal.rule).toMatch(/kỳ họp HĐND/);
      expect(refusal.details.legalBasis).toBe('Luật Tổ chức chính quyền địa phương 77/2015/QH13');
      const after = spec.given([]).when(record(session([{ body: 'UBND', unitCode: '00295' }], '2025-08-01'), '2025-08-02')).thenRefuses('MEETING.CONVENER_NOT_ALLOWED_FOR_KIND');
      expect(after.details.legalBasis).toBe('Luật Tổ chức chính quyền địa phương 72/2025/QH15');
    });

    it('refuses a Party executive committee meeting convened by anyone but the Party committee', () => {
      const meeting = { kind: 'HOI_NGHI_BCH' as const, reviewYear: null, planYear: null, convenedBy: [{ body: 'UB_MTTQ' as const, unitCode: '00295' }] };
      spec.given([]).when(record(meeting)).thenRefuses('MEETING.CONVENER_NOT_ALLOWED_FOR_KIND', 'convenedBy/0/body');
    });

    it('names the abolition of districts, with its legal basis, for a district meeting after 2025-06-30', () => {
      const refusal = spec.given([]).when(record({ unitCode: '007', heldOn: '2025-08-01', reviewYear: null, planYear: null, convenedBy: [{ body: 'UBND', unitCode: '007' }] }, '2025-08-02', { ...HA_NOI_UNITS, '007': null })).thenRefuses('MEETING.UNIT_NOT_IN_FORCE', 'unitCode');
      expect(refusal.rule).toMatch(/districts were abolished on 2025-07-01/);
      expect(refusal.details.legalBasis).toMatch(/72\/2025\/QH15/);
    });
  });

  describe("People's Councils at a unit, by period", () => {
    const withHdnd = (heldOn: string, unitCode = '00295') => ({
      heldOn,
      unitCode,
      reviewYear: null,
      planYear: null,
      convenedBy: [
        { body: 'DANG_UY' as const, unitCode },
        { body: 'HDND' as const, unitCode },
      ],
    });

    it('accepts a Hà Nội ward HĐND convening before the pilot (2016–2021 term, Minh Khai 12/01/2021)', () => {
      spec.given([]).when(record(withHdnd('2021-01-12'))).then([held(withHdnd('2021-01-12'))]);
    });

    it('refuses a Hà Nội ward HĐND during the urban government pilot, citing NQ 97/2019/QH14', () => {
      spec.given([]).when(record(withHdnd('2022-01-12'), '2022-02-01')).thenRefuses('MEETING.CONVENING_BODY_DID_NOT_EXIST', 'convenedBy/1/body');
      expect(() => meetingDecider.decide(record(withHdnd('2022-01-12'), '2022-02-01'), meetingDecider.initialState())).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ legalBasis: 'Nghị quyết 97/2019/QH14' }) }),
      );
    });

    it('accepts a ward HĐND again under two-tier government (from 2025-07-01)', () => {
      spec.given([]).when(record(withHdnd('2025-08-01'), '2025-08-02')).then([held(withHdnd('2025-08-01'))]);
    });

    it("keeps Hà Nội's urban district HĐND during the pilot", () => {
      spec.given([]).when(record(withHdnd('2022-01-12', '007'), '2022-02-01')).then([held(withHdnd('2022-01-12', '007'))]);
    });

    it("refuses Đà Nẵng's urban district and ward HĐND during the pilot, citing NQ 119/2020/QH14", () => {
      spec.given([]).when(record(withHdnd('2022-01-13', '20206'), '2022-02-01', DA_NANG_UNITS)).thenRefuses('MEETING.CONVENING_BODY_DID_NOT_EXIST');
      spec.given([]).when(record(withHdnd('2022-01-13', '491'), '2022-02-01', DA_NANG_UNITS)).thenRefuses('MEETING.CONVENING_BODY_DID_NOT_EXIST');
    });
  });
});

describe('meetingDecider: corrections', () => {
  const spec = deciderSpec(meetingDecider);
  const correct = (meeting: Partial<MeetingHeldData>, units: UnitsOnDate = HA_NOI_UNITS) => ({
    type: 'CorrectMeeting' as const,
    data: { reason: 'Bài báo ghi nhầm số đại biểu', meeting: { ...minhKhaiReview, ...meeting } },
    metadata: { receivedOn: '2021-02-01', units },
  });

  it('records a corrected version as a new event, keeping the first in the history', () => {
    const attendeeCount = { value: 160, qualifier: 'EXACT' as const };
    spec
      .given([held()])
      .when(correct({ attendeeCount }))
      .then([{ type: 'MeetingCorrected', data: { meetingId: minhKhaiReview.meetingId, reason: 'Bài báo ghi nhầm số đại biểu', meeting: { ...minhKhaiReview, attendeeCount } } }]);
  });

  it('applies the same rules to the corrected version', () => {
    spec.given([held()]).when(correct({ heldOn: '2021-03-01' })).thenRefuses('MEETING.HELD_IN_FUTURE', 'meeting/heldOn');
  });

  it('refuses a correction that changes nothing, or of a meeting never recorded', () => {
    spec.given([held()]).when(correct({})).thenRefuses('MEETING.CORRECTION_CHANGES_NOTHING');
    spec.given([]).when(correct({ title: 'Khác' })).thenRefuses('MEETING.NOT_FOUND');
  });
});

describe('meetingDecider: the full record (§4.2)', () => {
  const spec = deciderSpec(meetingDecider);
  const full = (data: Partial<MeetingHeldData>) => ({
    type: 'RecordMeeting' as const,
    data: { ...minhKhaiReview, ...data },
    metadata: { receivedOn: '2021-02-01', units: HA_NOI_UNITS },
  });

  it('records chairs, guests, term, theme, reports, indicators and source', () => {
    const record: Partial<MeetingHeldData> = {
      chairs: [{ fullName: 'Vương Thái Dương', role: 'Bí thư Đảng ủy - Chủ tịch HĐND phường' }],
      guests: [{ fullName: 'Lê Thị Hồng Nhân', role: 'Phó Trưởng Ban Dân vận Quận uỷ' }],
      subjectTerm: { fromYear: 2019, toYear: 2021 },
      theme: 'Kỷ cương, trách nhiệm, hành động, sáng tạo và phát triển',
      reports: [{ title: 'Báo cáo tổng kết công tác Đảng, chính quyền năm 2020', presenter: null }],
      indicators: [{ label: 'Tổ dân phố đạt danh hiệu TDP văn hóa', numerator: 13, denominator: 18, unit: null }],
      source: { url: 'https://example.org/tin-tuc', publishedOn: '2021-01-19', author: 'Giang Vũ' },
    };
    spec.given([]).when(full(record)).then([{ type: 'MeetingHeld', data: { ...minhKhaiReview, ...record } }]);
  });

  it('refuses an indicator larger than its whole, a reversed term, and a source published before the meeting', () => {
    spec.given([]).when(full({ indicators: [{ label: 'TDP văn hóa', numerator: 19, denominator: 18, unit: null }] })).thenRefuses('MEETING.INDICATOR_EXCEEDS_WHOLE', 'indicators/0/numerator');
    spec.given([]).when(full({ subjectTerm: { fromYear: 2021, toYear: 2019 } })).thenRefuses('MEETING.TERM_REVERSED', 'subjectTerm');
    spec.given([]).when(full({ source: { url: null, publishedOn: '2021-01-01', author: null } })).thenRefuses('MEETING.SOURCE_BEFORE_MEETING', 'source/publishedOn');
  });
});
