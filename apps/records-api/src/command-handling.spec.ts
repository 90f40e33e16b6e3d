import { randomUUID } from 'node:crypto';
import { UnitRegistryReader } from '@civic/admin-units';
import { MeetingHeldData } from '@civic/domain';
import { MINH_KHAI_UNITS } from '@civic/testing';
import { CommandContext, CommandProcessor, EventContractViolation, InMemoryEventLog, meetingStreamId, StaleRecordVersion } from '@civic/event-store';
import { PublishedEventContract } from '@civic/messaging';
import { RecordMeetingCommand, RecordMeetingHandler } from './record-meeting/record-meeting.handler';
import { CorrectMeetingCommand, CorrectMeetingHandler } from './correct-meeting/correct-meeting.handler';

/**
 * The command handlers of records-api on the in-memory event log, checked against the published event contract
 * as in production: what a handler decides, what it stores, what it refuses. The unit registry is the one fact
 * it reads besides the log: here Minh Khai ward, whatever the date.
 */
const registry = { unitsOnDate: async (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [code, MINH_KHAI_UNITS[code] ?? null])) } as unknown as UnitRegistryReader;

const context = (expectedVersion?: number): CommandContext => ({
  metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
  newEventId: randomUUID,
  expectedVersion,
});

function meeting(overrides: Partial<MeetingHeldData> = {}): MeetingHeldData {
  return {
    meetingId: randomUUID(), unitCode: '00295', kind: 'HOI_NGHI_TONG_KET', title: 'Hội nghị tổng kết công tác năm 2023', heldOn: '2024-01-12', venue: 'Hội trường UBND phường',
    convenedBy: [{ body: 'UBND', unitCode: '00295' }], chairs: [{ fullName: 'Nguyễn Văn Minh', role: 'Chủ tịch UBND phường' }], guests: [], subjectTerm: null,
    theme: null, reports: [], indicators: [], source: null, attendeeCount: { value: 150, qualifier: 'EXACT' }, reviewYear: 2023, planYear: 2024, ...overrides,
  };
}

describe('records-api command handling, on the in-memory log', () => {
  let log: InMemoryEventLog;
  let record: RecordMeetingHandler;
  let correct: CorrectMeetingHandler;
  beforeEach(() => {
    log = new InMemoryEventLog(new PublishedEventContract());
    const processor = new CommandProcessor(log);
    record = new RecordMeetingHandler(processor, registry);
    correct = new CorrectMeetingHandler(processor, registry);
  });

  it('stores a recorded meeting with every field it was given, and a correction of it as version 2', async () => {
    const held = meeting();
    const first = await record.execute(new RecordMeetingCommand(held, context()));
    const corrected = { ...held, title: 'Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024', attendeeCount: { value: 160, qualifier: 'EXACT' as const } };
    const second = await correct.execute(new CorrectMeetingCommand(corrected, 'Sửa tên hội nghị theo biên bản', context(first.streamVersion)));

    expect(second.streamVersion).toBe(2);
    const [heldEvent, correctedEvent] = await log.readStream(meetingStreamId(held.meetingId));
    expect(heldEvent.data).toEqual(held);
    expect(correctedEvent).toMatchObject({ type: 'MeetingCorrected', data: { reason: 'Sửa tên hội nghị theo biên bản', meeting: corrected } });
  });

  it('refuses a correction decided on a version that is no longer current, storing nothing', async () => {
    const held = meeting();
    await record.execute(new RecordMeetingCommand(held, context()));
    await correct.execute(new CorrectMeetingCommand({ ...held, attendeeCount: { value: 151, qualifier: 'EXACT' } }, 'Bổ sung số người dự', context(1)));

    await expect(correct.execute(new CorrectMeetingCommand({ ...held, attendeeCount: { value: 152, qualifier: 'EXACT' } }, 'Sửa lần nữa', context(1)))).rejects.toBeInstanceOf(StaleRecordVersion);
    expect(await log.readStream(meetingStreamId(held.meetingId))).toHaveLength(2);
  });

  it('refuses, with nothing stored, an event its published schema does not admit', async () => {
    const held = meeting({ chairs: [{} as MeetingHeldData['chairs'][number]] });
    await expect(record.execute(new RecordMeetingCommand(held, context()))).rejects.toBeInstanceOf(EventContractViolation);
    expect(await log.readStream(meetingStreamId(held.meetingId))).toEqual([]);
  });
});
