import { deciderSpec } from '@civic/testing';
import { MeetingHeld, MeetingHeldData } from './meeting.events';
import { meetingDecider } from './meeting.decider';
import { RecordMeeting } from './meeting.commands';

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
  chairedBy: null,
  attendeeCount: null,
  reviewYear: 2020,
  planYear: 2021,
};

const record = (data: Partial<MeetingHeldData> = {}, receivedOn = '2021-01-19'): RecordMeeting => ({
  type: 'RecordMeeting',
  data: { ...minhKhaiReview, ...data },
  metadata: { receivedOn },
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
  });
});
