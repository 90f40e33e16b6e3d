import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@civic/event-store';
import { allTopics, createIdempotentProducer, createKafka, ensureTopics, toTopicMessages } from '@civic/messaging';
import { waitUntil } from '../../libs/local-run/src';
import { BenchEnvironment } from '../environment';
import { Figure, figure, nowMs } from '../measure';
import { startServices } from '../services';

const BATCH_SIZE = 500; // the relay service's default (RELAY_BATCH_SIZE)

/**
 * 4. Relay throughput: events per second the event-relay service (its own process, as deployed) moves from the
 * log to Kafka with a backlog of `backlog` events, against a raw kafkajs idempotent producer sending the same
 * messages in batches of the same size. The service is timed from its first checkpoint, so its start-up is left
 * out; the messages of the floor are read and encoded only afterwards, so they do not burden the relay's machine.
 */
export async function relayScenario(environment: BenchEnvironment, database: { url: string; pool: Pool }, backlog: number): Promise<Figure[]> {
  const { pool, url } = database;
  const checkpoint = async () => {
    const { rows } = await pool.query<{ position: string }>(`SELECT global_position::text AS position FROM log_checkpoints WHERE reader = 'event-relay'`);
    return BigInt(rows[0]?.position ?? '0');
  };
  const start = await checkpoint();
  const { rows: last } = await pool.query<{ position: string }>(
    'SELECT global_position::text AS position FROM events WHERE global_position > $1 ORDER BY global_position OFFSET $2 LIMIT 1',
    [start.toString(), backlog - 1],
  );
  const target = BigInt(last[0].position);

  const services = await startServices(environment, url, ['event-relay'], `bench-relay-${randomBytes(3).toString('hex')}.`);
  let relaySeconds: number;
  let relayed: number;
  try {
    const from = await waitUntil('the relay to publish its first batch', async () => {
      const position = await checkpoint();
      return position > start ? { position, at: nowMs() } : undefined;
    }, { intervalMs: 5 });
    await waitUntil('the relay to publish the backlog', async () => (await checkpoint()) >= target, { timeoutMs: 600_000, intervalMs: 20 });
    relaySeconds = (nowMs() - from.at) / 1000;
    const { rows } = await pool.query<{ count: string }>('SELECT count(*)::text AS count FROM events WHERE global_position > $1 AND global_position <= $2', [from.position.toString(), target.toString()]);
    relayed = Number(rows[0].count);
  } finally {
    await services.stop();
  }

  // The floor: the same messages, encoded beforehand, sent by an idempotent producer in the same batches.
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position`, [start.toString(), target.toString()]);
  const events = rows.map(toRecordedEvent);
  const rawPrefix = `bench-raw-${randomBytes(3).toString('hex')}.`;
  const kafka = createKafka('bench-raw', { brokers: environment.kafka.brokers });
  await ensureTopics(kafka, allTopics(rawPrefix));
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const batches = [];
  for (let i = 0; i < events.length; i += BATCH_SIZE) batches.push(toTopicMessages(events.slice(i, i + BATCH_SIZE), rawPrefix));
  const rawStarted = nowMs();
  for (const topicMessages of batches) await producer.sendBatch({ acks: -1, topicMessages });
  const rawSeconds = (nowMs() - rawStarted) / 1000;
  await producer.disconnect();

  return [
    figure(`relay, backlog of ${events.length} events`, 'events/s to Kafka', 'events/s', relayed / relaySeconds, { name: 'raw idempotent producer', value: events.length / rawSeconds }, (r) => ({ text: '≥ 0.5 × raw producer', met: (r ?? 0) >= 0.5 })),
  ];
}
