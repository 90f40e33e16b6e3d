import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@civic/event-store';
import { allTopics, createIdempotentProducer, createKafka, ensureTopics, LogToKafkaRelay, toTopicMessages } from '@civic/messaging';
import { BenchEnvironment } from '../environment';
import { Figure, figure, nowMs } from '../measure';

const BATCH_SIZE = 500; // the relay service's default (RELAY_BATCH_SIZE)

/**
 * 4. Relay throughput: events per second moved from the log to Kafka with a backlog of `backlog` events, against a
 * raw kafkajs idempotent producer sending the same messages in batches of the same size.
 */
export async function relayScenario(environment: BenchEnvironment, database: { url: string; pool: Pool }, backlog: number): Promise<Figure[]> {
  const { pool, url } = database;
  const { rows: start } = await pool.query<{ position: string }>(`SELECT global_position::text AS position FROM log_checkpoints WHERE reader = 'event-relay'`);
  const after = start[0]?.position ?? '0';
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`, [after, backlog]);
  const events = rows.map(toRecordedEvent);
  const target = BigInt(events[events.length - 1].position);

  const relayPrefix = `bench-relay-${randomBytes(3).toString('hex')}.`;
  const relay = new LogToKafkaRelay(pool, createKafka('bench-relay', environment.kafka.brokers), {
    name: 'event-relay', databaseUrl: url, batchSize: BATCH_SIZE, pollIntervalMs: 50, standbyRetryMs: 500, topicPrefix: relayPrefix,
    onFatalError: (error) => { throw error; },
  });
  await ensureTopics(createKafka('bench-topics', environment.kafka.brokers), allTopics(relayPrefix));
  const relayStarted = nowMs();
  relay.start();
  while (BigInt(relay.status().checkpoint?.position ?? '0') < target) await new Promise((resolve) => setTimeout(resolve, 10));
  const relaySeconds = (nowMs() - relayStarted) / 1000;
  await relay.stop();

  // The floor: the same messages, encoded beforehand, sent by an idempotent producer in the same batches.
  const rawPrefix = `bench-raw-${randomBytes(3).toString('hex')}.`;
  const kafka = createKafka('bench-raw', environment.kafka.brokers);
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
    figure(`relay, backlog of ${events.length} events`, 'events/s to Kafka', 'events/s', events.length / relaySeconds, { name: 'raw idempotent producer', value: events.length / rawSeconds }, (r) => ({ text: '≥ 0.5 × raw producer', met: (r ?? 0) >= 0.5 })),
  ];
}
