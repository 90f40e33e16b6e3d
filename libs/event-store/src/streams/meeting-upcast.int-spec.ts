import { randomUUID } from 'node:crypto';
import { MeetingHeldDataV1, meetingDecider, upcastMeetingV1 } from '@civic/domain';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { CommandProcessor } from '../command-processor';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { ANY_EVENT } from '../event-contract';
import { meetingStream, meetingStreamId } from './meeting.stream';

describe('A meeting recorded in schema version 1', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is read as version 2 when a correction is decided on it, and the correction is written as version 2', async () => {
    const meetingId = randomUUID();
    const v1: MeetingHeldDataV1 = {
      meetingId,
      unitCode: '002',
      kind: 'HOI_NGHI_TONG_KET',
      title: 'Hội nghị tổng kết công tác mặt trận năm 2020',
      heldOn: '2021-01-08',
      venue: null,
      convenedBy: [{ body: 'UB_MTTQ', unitCode: '002' }],
      chairedBy: { fullName: 'Lê Hồng Phú', role: 'Chủ tịch Ủy ban MTTQ Việt Nam quận Hoàn Kiếm' },
      attendeeCount: { value: 300, qualifier: 'AT_LEAST' },
      reviewYear: 2020,
      planYear: 2021,
    };
    const metadata = { actor: { subject: 's', roles: [] }, correlationId: 'c', causationId: 'c', commandId: 'c' };
    // Written as the first version of the API wrote it, before the full record existed.
    await new PostgresEventStore(db.pool, ANY_EVENT).append({
      streamId: meetingStreamId(meetingId),
      streamType: 'meeting',
      expectedVersion: 0,
      events: [{ eventId: randomUUID(), type: 'MeetingHeld', schemaVersion: 1, data: { ...v1 }, metadata, occurredOn: v1.heldOn, unitCode: v1.unitCode }],
    });

    const upcast = upcastMeetingV1(v1);
    const corrected = { ...upcast, guests: [{ fullName: 'Đàm Văn Huân', role: 'Phó Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội' }] };
    const units = { '002': { code: '002', level: 'DISTRICT' as const, name: 'Quận Hoàn Kiếm', type: 'Quận', provinceCode: '01' } };
    await new CommandProcessor(new PostgresEventStore(db.pool, ANY_EVENT)).handle(
      meetingDecider,
      meetingStream,
      meetingStreamId(meetingId),
      { type: 'CorrectMeeting', data: { reason: 'Bổ sung đại biểu dự', meeting: corrected }, metadata: { receivedOn: '2026-11-23', units } },
      { metadata, newEventId: randomUUID, expectedVersion: 1 },
    );

    const { rows } = await db.pool.query('SELECT schema_version, data FROM events WHERE stream_id = $1 ORDER BY stream_version', [meetingStreamId(meetingId)]);
    expect(rows[0]).toEqual({ schema_version: 1, data: v1 });
    expect(rows[1].schema_version).toBe(2);
    expect(rows[1].data.meeting).toEqual(corrected);
    expect(rows[1].data.meeting.chairs).toEqual([v1.chairedBy]);
  });
});
