import { MeetingHeldDataV1 } from './meeting.events.v1';
import { upcastMeetingEvent, upcastMeetingV1 } from './meeting.upcasters';

const storedV1: MeetingHeldDataV1 = {
  meetingId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  unitCode: '002',
  kind: 'HOI_NGHI_TONG_KET',
  title: 'Hội nghị tổng kết công tác mặt trận năm 2020',
  heldOn: '2021-01-08',
  venue: 'Hội trường tầng 4 – 33 phố Nhà Chung',
  convenedBy: [{ body: 'UB_MTTQ', unitCode: '002' }],
  chairedBy: { fullName: 'Lê Hồng Phú', role: 'Chủ tịch Ủy ban MTTQ Việt Nam quận Hoàn Kiếm' },
  attendeeCount: { value: 300, qualifier: 'AT_LEAST' },
  reviewYear: 2020,
  planYear: 2021,
};

describe('meeting upcasters', () => {
  it('reads a v1 MeetingHeld as v2: the single chair becomes the list, the rest starts empty', () => {
    const { chairedBy, ...unchanged } = storedV1;
    expect(upcastMeetingV1(storedV1)).toEqual({
      ...unchanged,
      chairs: [chairedBy],
      guests: [],
      subjectTerm: null,
      theme: null,
      reports: [],
      indicators: [],
      source: null,
    });
  });

  it('reads a v1 meeting without a chair with no chairs', () => {
    expect(upcastMeetingV1({ ...storedV1, chairedBy: null }).chairs).toEqual([]);
  });

  it('upcasts the meeting inside a v1 MeetingCorrected, and passes v2 events through unchanged', () => {
    const corrected = upcastMeetingEvent('MeetingCorrected', 1, { meetingId: storedV1.meetingId, reason: 'sai', meeting: storedV1 });
    expect(corrected.type === 'MeetingCorrected' && corrected.data.meeting.chairs).toEqual([storedV1.chairedBy]);
    const v2 = upcastMeetingV1(storedV1);
    expect(upcastMeetingEvent('MeetingHeld', 2, v2)).toEqual({ type: 'MeetingHeld', data: v2 });
  });

  it('leaves the stored v1 object untouched', () => {
    const copy = JSON.parse(JSON.stringify(storedV1));
    upcastMeetingV1(storedV1);
    expect(storedV1).toEqual(copy);
  });
});
