import { randomUUID } from 'node:crypto';
import { ANY_EVENT, AuditFilter, AuditLog, EventContract, EventLog, NEW_STREAM, NewEvent, RecordedEvent } from '@civic/event-store';

/** A log an auditor reads, opened over storage of its own for the suite. */
export interface AuditLogUnderTest {
  open(contract: EventContract): EventLog & AuditLog;
  close(): Promise<void>;
}

/** A unit code no other test uses: the suite shares its storage with nothing else it asks about. */
const freshUnit = () => `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

function eventOf(unitCode: string, occurredOn: string, overrides: { type?: string; subject?: string; correlationId?: string } = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: overrides.type ?? 'MeetingHeld',
    schemaVersion: 2,
    data: { title: 'Hội nghị giao ban', unitCode },
    metadata: { actor: { subject: overrides.subject ?? 'clerk', roles: ['ward-clerk'] }, correlationId: overrides.correlationId ?? randomUUID(), causationId: 'c', commandId: 'c' },
    occurredOn,
    unitCode,
  };
}

type Page = { items: RecordedEvent[]; nextAfter: string | null };

/**
 * What every AuditLog answers, run against each implementation (Postgres in an integration spec, memory in a unit
 * spec): pages in log order with a cursor, each filter, the count that tells a cached page is still true, and a
 * record's whole history.
 */
export function auditLogContract(name: string, setUp: () => Promise<AuditLogUnderTest>): void {
  describe(`${name} keeps the AuditLog contract`, () => {
    let underTest: AuditLogUnderTest;
    let log: EventLog & AuditLog;
    const page = async (filter: AuditFilter): Promise<Page> => JSON.parse(await log.pageJson(filter)) as Page;
    const record = async (...events: NewEvent[]) => log.appendMany(events.map((event) => ({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: NEW_STREAM, events: [event] })));

    beforeAll(async () => {
      underTest = await setUp();
      log = underTest.open(ANY_EVENT);
    });
    afterAll(() => underTest.close());

    it('answers a unit\'s events within civic dates in log order, a page at a time', async () => {
      const [unit, other] = [freshUnit(), freshUnit()];
      const recorded = await record(eventOf(unit, '2023-02-01'), eventOf(other, '2023-03-01'), eventOf(unit, '2023-05-01'), eventOf(unit, '2024-01-10'), eventOf(unit, '2023-12-31'));
      const ofUnitIn2023 = [recorded[0], recorded[2], recorded[4]];

      const first = await page({ unitCode: unit, occurredFrom: '2023-01-01', occurredTo: '2023-12-31', limit: 2 });
      expect(first.items).toEqual(ofUnitIn2023.slice(0, 2));
      expect(first.nextAfter).toBe(ofUnitIn2023[1].position);
      const second = await page({ unitCode: unit, occurredFrom: '2023-01-01', occurredTo: '2023-12-31', limit: 2, afterPosition: first.nextAfter ?? undefined });
      expect(second).toEqual({ items: [ofUnitIn2023[2]], nextAfter: null });
    });

    it('filters by type, by who recorded, by the request, and by when it was recorded', async () => {
      const unit = freshUnit();
      const [subject, correlationId] = [`auditor-test-${randomUUID()}`, randomUUID()];
      const recorded = await record(eventOf(unit, '2023-02-01', { type: 'MeetingCorrected', subject }), eventOf(unit, '2023-02-02', { correlationId }), eventOf(unit, '2023-02-03'));
      const everything = { unitCode: unit, limit: 10 };

      expect((await page({ ...everything, eventType: 'MeetingCorrected' })).items).toEqual([recorded[0]]);
      expect((await page({ ...everything, actor: subject })).items).toEqual([recorded[0]]);
      expect((await page({ ...everything, correlationId })).items).toEqual([recorded[1]]);
      // Recorded together (one transaction), within the millisecond the envelope shows (Postgres keeps microseconds).
      const justAfter = new Date(Date.parse(recorded[0].recordedAt) + 1).toISOString();
      expect((await page({ ...everything, recordedFrom: recorded[0].recordedAt, recordedTo: justAfter })).items).toHaveLength(3);
      expect((await page({ ...everything, recordedTo: '2000-01-01T00:00:00.000Z' })).items).toEqual([]);
    });

    it('counts a unit\'s events within civic dates, which grows with every event of it; no count without one unit', async () => {
      const unit = freshUnit();
      await record(eventOf(unit, '2023-02-01'), eventOf(unit, '2022-02-01'));
      const ofYear = { unitCode: unit, occurredFrom: '2023-01-01', occurredTo: '2023-12-31', limit: 10 };
      expect(await log.unitEventCount(ofYear)).toBe('1');
      await record(eventOf(unit, '2023-06-01'));
      expect(await log.unitEventCount(ofYear)).toBe('2');
      expect(await log.unitEventCount({ limit: 10 })).toBeNull();
      expect(await log.unitEventCount({ ...ofYear, includeDescendants: true })).toBeNull();
    });

    it('answers a record\'s whole history, oldest first, and nothing for a record that does not exist', async () => {
      const streamId = `meeting-${randomUUID()}`;
      const unit = freshUnit();
      await log.append({ streamId, streamType: 'meeting', expectedVersion: NEW_STREAM, events: [eventOf(unit, '2023-01-01')] });
      await log.append({ streamId, streamType: 'meeting', expectedVersion: 1, events: [eventOf(unit, '2023-01-01', { type: 'MeetingCorrected' })] });

      expect(JSON.parse((await log.streamJson(streamId)) ?? 'null')).toEqual({ streamId, versions: await log.readStream(streamId) });
      expect(await log.streamJson(`meeting-${randomUUID()}`)).toBeNull();
    });
  });
}
