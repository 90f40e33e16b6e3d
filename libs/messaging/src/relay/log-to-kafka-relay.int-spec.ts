import { randomUUID } from 'node:crypto';
import { ANY_EVENT, NewEvent, PostgresEventStore } from '@civic/event-store';
import { createTestDatabase, MessageCollector, retryingOnConnectionLoss, testKafka, testNamespace, TestDatabase, waitFor } from '@civic/testing';
import { LogToKafkaRelay, RelayOptions } from './log-to-kafka-relay';
import { topicForStreamType } from '../topics';

describe(LogToKafkaRelay.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let prefix: string;
  let collector: MessageCollector;
  const relays: LogToKafkaRelay[] = [];
  /** What the relays said: stepping down and resuming are logged. */
  const said: string[] = [];

  const relay = (): LogToKafkaRelay => {
    const options: RelayOptions = {
      name: 'event-relay',
      databaseUrl: db.url,
      batchSize: 2,
      pollIntervalMs: 200,
      standbyRetryMs: 100,
      maxRetryMs: 400,
      topicPrefix: prefix,
    };
    const instance = new LogToKafkaRelay(db.pool, testKafka('relay-test'), options, (message) => said.push(message));
    relays.push(instance);
    instance.start();
    return instance;
  };

  const record = async (streamId: string, expectedVersion: number, title: string) => {
    const event: NewEvent = {
      eventId: randomUUID(),
      type: 'MeetingHeld',
      schemaVersion: 1,
      data: { title },
      metadata: { actor: { subject: 'clerk', roles: ['ward-clerk'] }, correlationId: 'corr', causationId: 'cmd', commandId: 'cmd' },
      occurredOn: '2021-01-28',
      unitCode: '00238',
    };
    await store.append({ streamId, streamType: 'meeting', expectedVersion, events: [event] });
    return event.eventId;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    prefix = testNamespace();
  });

  afterAll(async () => {
    for (const instance of relays) await instance.stop();
    await collector?.stop();
    await db.drop();
  });

  it('publishes every event once leader, in stream order, as CloudEvents keyed by stream id', async () => {
    const streamA = `meeting-${randomUUID()}`;
    const streamB = `meeting-${randomUUID()}`;
    const ids = [
      await record(streamA, 0, 'Hội nghị tổng kết phong trào thi đua năm 2020'),
      await record(streamB, 0, 'Họp giao ban'),
      await record(streamA, 1, 'Đính chính'),
    ];
    const leader = relay();
    await waitFor('the relay to lead', async () => leader.status().role === 'leader');

    const topic = topicForStreamType('meeting', prefix);
    collector = await new MessageCollector(testKafka('relay-collector'), [topic]).start();
    await waitFor('three messages', async () => collector.messages.length >= 3, { timeoutMs: 30_000 });

    expect(collector.messages.map((m) => m.headers.ce_id).sort()).toEqual([...ids].sort());
    const ofA = collector.messages.filter((m) => m.key === streamA);
    expect(ofA.map((m) => m.headers.ce_streamversion)).toEqual(['1', '2']);
    expect(new Set(ofA.map((m) => m.partition)).size).toBe(1);
    expect(ofA[0].headers).toMatchObject({ ce_specversion: '1.0', ce_type: 'vn.civic-records.MeetingHeld', ce_subject: streamA });
    expect(JSON.parse(ofA[0].value)).toEqual({ title: 'Hội nghị tổng kết phong trào thi đua năm 2020' });
  });

  it('keeps a second instance on standby, and it takes over without losing events when the leader stops', async () => {
    const [leader] = relays;
    const standby = relay();
    await waitFor('the second instance to stand by', async () => standby.status().role === 'standby');
    expect(leader.status().role).toBe('leader');

    await leader.stop();
    const streamC = `meeting-${randomUUID()}`;
    const later = await record(streamC, 0, 'Hội nghị đối thoại');
    await waitFor('the standby to take over', async () => standby.status().role === 'leader');
    await waitFor('the event recorded during take-over', async () => collector.messages.some((m) => m.headers.ce_id === later), {
      timeoutMs: 30_000,
    });

    const published = await db.pool.query<{ event_id: string }>('SELECT event_id FROM events');
    const seen = new Set(collector.messages.map((m) => m.headers.ce_id));
    expect(published.rows.filter((row) => !seen.has(row.event_id))).toEqual([]);
  });

  const retrying = retryingOnConnectionLoss;
  const terminate = (which: string) =>
    retrying(() => db.pool.query(`SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${which}`));
  const unpublished = async () => {
    const { rows } = await retrying(() => db.pool.query<{ event_id: string }>('SELECT event_id FROM events'));
    const seen = new Set(collector.messages.map((m) => m.headers.ce_id));
    return rows.filter((row) => !seen.has(row.event_id)).length;
  };

  it('steps down when its lock session is terminated, leads again by itself, and publishes what was recorded meanwhile', async () => {
    const leader = relays.find((r) => r.status().role === 'leader')!;
    const before = said.filter((m) => m.startsWith('stepped down')).length;
    await terminate(`application_name = 'event-relay-lock'`);
    await waitFor('the leader to step down', async () => said.filter((m) => m.startsWith('stepped down')).length > before || undefined);
    const meanwhile = await retrying(() => record(`meeting-${randomUUID()}`, 0, 'Hội nghị tiếp xúc cử tri'));
    await waitFor('the relay to lead again', async () => leader.status().role === 'leader');
    await waitFor('the event recorded meanwhile on Kafka', async () => collector.messages.some((m) => m.headers.ce_id === meanwhile), { timeoutMs: 30_000 });
    expect(await unpublished()).toBe(0);
    expect(said.some((m) => /stepped down \(lock session lost/.test(m))).toBe(true);
  });

  it('survives every one of its connections terminated, round after round, and loses nothing', async () => {
    const leader = relays.find((r) => r.status().role === 'leader')!;
    const recorded: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      recorded.push(await retrying(() => record(`meeting-${randomUUID()}`, 0, `Vòng ${round}`)));
      await terminate('true');
      recorded.push(await retrying(() => record(`meeting-${randomUUID()}`, 0, `Sau vòng ${round}`)));
    }
    await waitFor('every event of the rounds on Kafka', async () => recorded.every((id) => collector.messages.some((m) => m.headers.ce_id === id)) || undefined, { timeoutMs: 30_000 });
    await waitFor('the relay to lead', async () => leader.status().role === 'leader');
    expect(await unpublished()).toBe(0);
  });
});
