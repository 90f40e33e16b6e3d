import { MeetingHeldData } from './meeting.events';
import { upcastMeetingEvent } from './meeting.upcasters';
import { withoutEmptyValues } from './meeting.repairs';
import { withoutEmptyGrantValues } from '../commendations/commendation.repairs';
import { CommendationGrantedData } from '../commendations/commendation.events';

const sound: MeetingHeldData = {
  meetingId: '5d2e9a7c-1b3f-4c8d-9e6a-2f4b8c1d7e30',
  unitCode: '00295',
  kind: 'HOI_NGHI_TONG_KET',
  title: 'Hội nghị tổng kết năm 2020',
  heldOn: '2021-01-12',
  venue: 'Hội trường UBND phường',
  convenedBy: [{ body: 'UBND', unitCode: '00295' }],
  chairs: [{ fullName: 'Nguyễn Văn Hùng', role: 'Chủ tịch UBND phường' }],
  guests: [{ fullName: 'Trần Thị Lan', role: 'Phó Chủ tịch UBND quận' }],
  attendeeCount: { value: 120, qualifier: 'APPROX' },
  reviewYear: 2020,
  planYear: 2021,
  subjectTerm: { fromYear: 2016, toYear: 2021 },
  theme: null,
  reports: [{ title: 'Báo cáo tổng kết', presenter: { fullName: 'Lê Văn Bình', role: 'Phó Bí thư' } }],
  indicators: [{ label: 'Hộ gia đình văn hóa', numerator: 95.65, denominator: 100, unit: '%' }],
  source: { url: null, publishedOn: '2021-01-19', author: 'Giang Vũ' },
};

describe('records of the list defect, read as what they effectively say', () => {
  it('leaves a sound meeting as it is', () => {
    expect(withoutEmptyValues(sound)).toEqual(sound);
  });

  it('reads the empty people, count, term, presenter and indicators the defect stored as absent, keeping everything else', () => {
    const stored = { ...sound, chairs: [{}], guests: [{}, sound.guests[0]], attendeeCount: {}, subjectTerm: {}, reports: [{ title: 'Báo cáo', presenter: {} }, { presenter: null }], indicators: [{ denominator: null, unit: null }] };
    expect(withoutEmptyValues(stored as unknown as MeetingHeldData)).toEqual({
      ...sound,
      chairs: [],
      attendeeCount: null,
      subjectTerm: null,
      reports: [{ title: 'Báo cáo', presenter: null }],
      indicators: [],
    });
    expect(stored.chairs).toEqual([{}]); // the stored record is not changed
  });

  it('is applied when stored meeting events are read, in either schema version', () => {
    const held = upcastMeetingEvent('MeetingHeld', 2, { ...sound, chairs: [{}] });
    expect(held.type === 'MeetingHeld' && held.data.chairs).toEqual([]);
    const v1 = { meetingId: sound.meetingId, unitCode: '00295', kind: 'TIEP_CONG_DAN', title: 'Tiếp công dân', heldOn: '2020-11-05', venue: null, convenedBy: [], chairedBy: {}, attendeeCount: {}, reviewYear: null, planYear: null };
    const corrected = upcastMeetingEvent('MeetingCorrected', 1, { meetingId: sound.meetingId, reason: 'Sửa', meeting: v1 });
    expect(corrected.type === 'MeetingCorrected' && corrected.data.meeting).toMatchObject({ chairs: [], attendeeCount: null });
  });

  it('reads a grant’s empty proposer, joint issuers and recipient groups of none as absent', () => {
    const grant = { commendationId: 'c', jointIssuers: [{}, { body: 'UB_MTTQ', unitCode: '00295' }], proposer: {}, recipients: { collectives: { count: 0 }, individuals: { names: ['Đỗ Thị Hà'] } } };
    expect(withoutEmptyGrantValues(grant as unknown as CommendationGrantedData)).toEqual({
      commendationId: 'c',
      jointIssuers: [{ body: 'UB_MTTQ', unitCode: '00295' }],
      proposer: null,
      recipients: { individuals: { names: ['Đỗ Thị Hà'] } },
    });
  });
});
