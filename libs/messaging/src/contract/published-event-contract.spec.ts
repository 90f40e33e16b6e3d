import { randomUUID } from 'node:crypto';
import { EventContractViolation, NewEvent } from '@civic/event-store';
import { MeetingHeldData, withoutListDefect } from '@civic/domain';
import { PUBLISHED_EVENTS, schemaFileName } from './event-contract';
import { PublishedEventContract } from './published-event-contract';
import { PUBLISHED_SCHEMAS } from './published-schemas';

const meeting: MeetingHeldData = {
  meetingId: randomUUID(),
  unitCode: '00295',
  kind: 'HOI_NGHI_TONG_KET',
  title: 'Hội nghị tổng kết năm 2020',
  heldOn: '2021-01-12',
  venue: null,
  convenedBy: [{ body: 'UBND', unitCode: '00295' }],
  chairs: [{ fullName: 'Nguyễn Văn A', role: 'Chủ tịch UBND phường' }],
  guests: [],
  attendeeCount: { value: 120, qualifier: 'APPROX' },
  reviewYear: 2020,
  planYear: 2021,
  subjectTerm: null,
  theme: null,
  reports: [{ title: 'Báo cáo tổng kết', presenter: null }],
  indicators: [{ label: 'Tổ dân phố văn hóa', numerator: 13, denominator: 18, unit: null }],
  source: null,
};

const event = (type: string, schemaVersion: number, data: object): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion,
  data: data as Record<string, unknown>,
  metadata: { actor: { subject: 'spec', roles: ['administrator'] }, correlationId: 'c', causationId: 'c', commandId: 'c' },
  occurredOn: '2021-01-12',
  unitCode: '00295',
});

describe('PublishedEventContract, the guard of the write path', () => {
  const contract = new PublishedEventContract();

  it('has the published schema of every event type and version the code writes or once wrote', () => {
    expect(PUBLISHED_EVENTS.map(schemaFileName).filter((file) => !PUBLISHED_SCHEMAS[file])).toEqual([]);
  });

  it('admits an event its schema admits', () => {
    expect(() => contract.check(event('MeetingHeld', 2, meeting))).not.toThrow();
  });

  it('refuses the chairs the list defect stored, naming the event type and each failing path', () => {
    const refusal = (() => {
      try {
        contract.check(event('MeetingHeld', 2, { ...meeting, chairs: [{}], unitCode: '0029' }));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(EventContractViolation);
    expect(refusal).toMatchObject({ eventType: 'MeetingHeld', schemaVersion: 2 });
    expect((refusal as EventContractViolation).failures).toEqual(
      expect.arrayContaining([
        { path: '/chairs/0', message: "must have required property 'fullName'" },
        { path: '/unitCode', message: expect.stringContaining('must match pattern') },
      ]),
    );
  });

  it.each([
    ['an unknown property', { ...meeting, secret: 1 }],
    ['a missing property', { ...meeting, title: undefined }],
    ['an object for a list', { ...meeting, convenedBy: { body: 'UBND', unitCode: '00295' } }],
    ['a value outside the vocabulary', { ...meeting, kind: 'PICNIC' }],
  ])('refuses %s', (_, data) => {
    expect(() => contract.check(event('MeetingHeld', 2, JSON.parse(JSON.stringify(data))))).toThrow(EventContractViolation);
  });

  it('refuses types and schema versions the code may not write: unknown ones, and those only history holds', () => {
    expect(() => contract.check(event('MeetingCancelled', 1, {}))).toThrow(/MeetingCancelled v1/);
    expect(() => contract.check(event('MeetingHeld', 1, {}))).toThrow(/not an event type and schema version the code may write/);
  });

  it('admits what the relay publishes of events the list defect stored', () => {
    const defective = { ...meeting, chairs: [{}, meeting.chairs[0]], guests: [{}], attendeeCount: {}, subjectTerm: {}, reports: [{ presenter: {} }, { title: 'Báo cáo', presenter: {} }], indicators: [{ denominator: null, unit: null }] };
    expect(() => contract.check(event('MeetingHeld', 2, defective))).toThrow(EventContractViolation);
    const published = withoutListDefect('MeetingHeld', defective);
    expect(() => contract.check(event('MeetingHeld', 2, published))).not.toThrow();
    expect(published).toEqual({ ...meeting, guests: [], attendeeCount: null, subjectTerm: null, reports: [{ title: 'Báo cáo', presenter: null }], indicators: [] });
    const correction = { meetingId: meeting.meetingId, reason: 'Sửa', meeting: defective };
    expect(() => contract.check(event('MeetingCorrected', 2, withoutListDefect('MeetingCorrected', correction)))).not.toThrow();
  });

  it('publishes every sound event exactly as it is stored', () => {
    expect(withoutListDefect('MeetingHeld', meeting as unknown as Record<string, unknown>)).toEqual(meeting);
    const revoked = { commendationId: randomUUID(), revokedOn: '2021-02-01', reason: 'Cấp trùng', unitCode: '00295' };
    expect(withoutListDefect('CommendationRevoked', revoked)).toBe(revoked);
  });
});
