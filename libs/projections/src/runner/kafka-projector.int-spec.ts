import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { MeetingHeldData } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { ensureTopics, toWireMessage, topicForStreamType } from '@civic/messaging';
import { createTestDatabase, testKafka, testNamespace, TestDatabase, waitFor } from '@civic/testing';
import { KafkaProjector } from './kafka-projector';
import { ProjectionRunner } from './projection-runner';
import { ALL_PROJECTIONS } from '../index';
import { readWardSummary } from '../meetings/ward-summary.reader';

const KHUONG_THUONG = '00238';

function meetingHeld(position: number, attendees: number | null): RecordedEvent {
  const meetingId = randomUUID();
  const data: MeetingHeldData = {
    meetingId,
    unitCode: KHUONG_THUONG,
    kind: 'HOI_NGHI_TONG_KET',
    title: 'Hội nghị tổng kết phong trào thi đua năm 2020',
    heldOn: '2021-01-28',
    venue: 'Hội trường tầng 3 trụ sở phường Khương Thượng',
    convenedBy: [{ body: 'UBND', unitCode: KHUONG_THUONG }],
    chairs: [],
    guests: [],
    subjectTerm: null,
    theme: null,
    reports: [],
    indicators: [],
    source: null,
    attendeeCount: attendees === null ? null : { value: attendees, qualifier: 'EXACT' },
    reviewYear: 2020,
    planYear: 2021,
  };
  return {
    eventId: randomUUID(),
    streamId: `meeting-${meetingId}`,
    streamType: 'meeting',
    streamVersion: 1,
    position: String(position),
    transactionId: '',
    type: 'MeetingHeld',
    schemaVersion: 1,
    data: data as unknown as Record<string, unknown>,
    metadata: { actor: { subject: 'clerk', roles: [] }, correlationId: 'c', causationId: 'c', commandId: 'c' },
    occurredOn: data.heldOn,
    unitCode: KHUONG_THUONG,
    recordedAt: new Date().toISOString(),
  };
}

describe(KafkaProjector.name, () => {
  let db: TestDatabase;
  let producer: Producer;
  let topic: string;
  let groupId: string;
  let projector: KafkaProjector | undefined;

  const kafka = testKafka('projector-test');
  const startProjector = async (kafkaCommitIntervalMs?: number) => {
    projector = new KafkaProjector(db.pool, testKafka('projector'), new ProjectionRunner(ALL_PROJECTIONS), { groupId, topics: [topic], kafkaCommitIntervalMs });
    await projector.start();
  };
  const publish = (events: RecordedEvent[]) =>
    producer.send({ topic, messages: events.map((e) => ({ ...toWireMessage(e), timestamp: undefined })) });

  const withAdmin = async <T>(work: (admin: ReturnType<typeof kafka.admin>) => Promise<T>): Promise<T> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  };
  /** The sum of the partitions' end offsets: what a caught-up consumer has read. */
  const endOfTopic = async () => (await withAdmin((admin) => admin.fetchTopicOffsets(topic))).reduce((sum, p) => sum + Number(p.high), 0);
  /** The offsets the group has committed to Kafka (lag monitoring reads them), summed; -1 for none. */
  const committedToKafka = async () => {
    const [{ partitions }] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    return partitions.every((p) => p.offset === '-1') ? -1 : partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  };

  /** Waits until the offsets stored in Postgres have reached the end of every partition. */
  const waitForCaughtUp = async () => {
    const target = await endOfTopic();
    await waitFor('the projector to reach the end of the topic', async () => {
      const { rows } = await db.pool.query(
        'SELECT coalesce(sum(next_offset), 0)::int AS done FROM projection_offsets WHERE consumer_group = $1 AND topic = $2',
        [groupId, topic],
      );
      return rows[0].done === target;
    }, { timeoutMs: 30_000 });
  };
  const summary = () => readWardSummary(db.pool, KHUONG_THUONG, 2021);

  beforeAll(async () => {
    db = await createTestDatabase();
    const namespace = testNamespace();
    topic = topicForStreamType('meeting', namespace);
    // A quote in the group id: the offset row's literals are escaped, not pasted (they travel with BEGIN and COMMIT).
    groupId = `${namespace}projector's`;
    await ensureTopics(kafka, [topic]);
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await projector?.stop();
    await producer.disconnect();
    await db.drop();
  });

  it('projects meetings into the ward summary', async () => {
    await publish([meetingHeld(1, 120), meetingHeld(2, null)]);
    await startProjector();
    await waitForCaughtUp();

    expect((await summary()).meetings).toMatchObject({
      total: 2,
      attendees: { total: 120, exact: 120, meetingsWithCount: 1, meetingsWithoutCount: 1 },
    });
  });

  it('counts an event delivered twice (the relay re-published it) once', async () => {
    const event = meetingHeld(3, 80);
    await publish([event]);
    await publish([event]);
    await waitForCaughtUp();

    expect((await summary()).meetings).toMatchObject({ total: 3, attendees: { total: 200 } });
  });

  it('resumes after a restart from the offsets stored in Postgres, counting nothing twice', async () => {
    await projector?.stop();
    await publish([meetingHeld(4, 40)]);
    // Forget Kafka's committed offsets: only Postgres remembers how far the projector got.
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.disconnect();

    await startProjector();
    await waitForCaughtUp();
    expect((await summary()).meetings).toMatchObject({ total: 4, attendees: { total: 240 } });
  });

  it('commits its offsets to Kafka on a timer of its own, not after every batch, and on stopping', async () => {
    await projector?.stop();
    groupId = `${testNamespace()}projector-commits`;
    await startProjector(3_600_000);
    await publish([meetingHeld(5, 10)]);
    await publish([meetingHeld(6, 20)]);
    await waitForCaughtUp();

    // Postgres knows the projector is at the end; Kafka has been told nothing within the hour's interval.
    expect(await committedToKafka()).toBe(-1);
    await projector?.stop();
    projector = undefined;
    expect(await committedToKafka()).toBe(await endOfTopic());
  });

  it('commits to Kafka what it applied every interval while it runs', async () => {
    groupId = `${testNamespace()}projector-interval`;
    await startProjector(200);
    await publish([meetingHeld(7, 10)]);
    await waitForCaughtUp();

    const end = await endOfTopic();
    await waitFor('the applied offsets to be committed to Kafka', async () => (await committedToKafka()) === end, { timeoutMs: 30_000 });
  });

  it('starts a new consumer when kafkajs gives one up (an error it does not retry), resuming from Postgres and counting nothing twice', async () => {
    await projector?.stop();
    const before = (await summary()).meetings.total;
    groupId = `${testNamespace()}projector-given-up`;
    // Until the consumer is given up, every batch meets a defect outside any projection (a TypeError, which kafkajs
    // never retries) when it opens its transaction: the fast attempt and the one isolating failures both fail, and
    // kafkajs stops the consumer for good.
    let defective = true;
    let defects = 0;
    const pool = new Proxy(db.pool, {
      get(target, name) {
        if (name === 'connect' && defective) {
          return async () => {
            defects += 1;
            throw new TypeError('a defect met while opening a batch');
          };
        }
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const restarts: string[] = [];
    const onRestart = (reason: string) => {
      restarts.push(reason);
      defective = false;
    };
    projector = new KafkaProjector(pool as Pool, testKafka('projector'), new ProjectionRunner(ALL_PROJECTIONS), { groupId, topics: [topic], onRestart });
    await projector.start();
    await publish([meetingHeld(8, 30)]);
    await waitForCaughtUp();

    expect(defects).toBeGreaterThanOrEqual(2);
    expect(restarts).toEqual([expect.stringContaining('a defect met while opening a batch')]);
    expect(projector.status().running).toBe(true);
    // A new group reads the whole topic again: only the new meeting counts.
    expect((await summary()).meetings.total).toBe(before + 1);
  });
});
