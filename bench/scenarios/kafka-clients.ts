import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Kafka, TopicMessages } from 'kafkajs';
import { Consumer as PlatformaticConsumer, Producer as PlatformaticProducer, ProduceAcks, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { createKafkaClient as createKafkaTsClient } from 'kafka-ts';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@civic/event-store';
import { allTopics, createIdempotentProducer, createKafka, ensureTopics, toTopicMessages } from '@civic/messaging';
import { BenchEnvironment } from '../environment';
import { Figure, figure, round } from '../measure';

const BATCH_SIZE = 500; // the relay's batch (RELAY_BATCH_SIZE)
const PARTITIONS_IN_PARALLEL = 3; // the projector's (kafka-projector.ts)
const ROUNDS = 3;

/** What one client took to move the messages: wall time and this process's CPU, both from its first to last message. */
interface Run {
  readonly seconds: number;
  readonly cpuMicros: number;
}

/** One Kafka client driven as the relay drives its producer and the projector its consumer. */
interface ClientUnderTest {
  readonly name: string;
  produce(batches: readonly TopicMessages[][]): Promise<Run>;
  consume(topics: readonly string[], expected: number): Promise<Run>;
}

/**
 * Issue #32 item 7: kafkajs against the maintained pure-JavaScript clients (@platformatic/kafka, kafka-ts), in this process
 * and on the same broker. Each sends the relay's real messages (encoded from the log beforehand) with an idempotent
 * producer, acks from all replicas, in the relay's batches of 500, one batch at a time as the relay does; then
 * reads them back in a consumer group from the earliest offset, committing nothing, as the projector does. The
 * clients take turns over three rounds, each on fresh topics, in alternating order; the figures are the medians.
 * CPU is this process's own (the broker is another process), so it is the client's cost per message.
 */
export async function kafkaClientsScenario(environment: BenchEnvironment, database: { pool: Pool }, events: number): Promise<Figure[]> {
  const { rows } = await database.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY global_position LIMIT $1`, [events]);
  const recorded = rows.map(toRecordedEvent);
  const kafka = createKafka('bench-clients', { brokers: environment.kafka.brokers });
  const clients = [kafkajsClient(kafka), platformaticClient(environment.kafka.brokers), kafkaTsClient(environment.kafka.brokers)];
  const runs = new Map<string, { produce: Run[]; consume: Run[] }>(clients.map((c) => [c.name, { produce: [], consume: [] }]));

  for (let turn = 0; turn < ROUNDS; turn += 1) {
    for (const client of turn % 2 ? [...clients].reverse() : clients) {
      const prefix = `bench-clients-${randomBytes(3).toString('hex')}.`;
      const topics = allTopics(prefix);
      await ensureTopics(kafka, topics);
      const batches: TopicMessages[][] = [];
      for (let i = 0; i < recorded.length; i += BATCH_SIZE) batches.push(toTopicMessages(recorded.slice(i, i + BATCH_SIZE), prefix));
      runs.get(client.name)!.produce.push(await client.produce(batches));
      runs.get(client.name)!.consume.push(await client.consume(topics, recorded.length));
    }
  }

  const [baseline, ...candidates] = clients.map((c) => ({ name: c.name, ...summarise(runs.get(c.name)!, recorded.length) }));
  const versus = (value: number) => ({ name: baseline.name, value });
  return candidates.flatMap((candidate) => [
    figure(`producer: ${candidate.name}, ${recorded.length} relay messages in batches of ${BATCH_SIZE}`, 'events/s acknowledged', 'events/s', candidate.produceRate, versus(baseline.produceRate)),
    figure(`producer: ${candidate.name}, CPU per message`, 'µs of CPU per message', 'µs', candidate.produceCpu, versus(baseline.produceCpu)),
    figure(`consumer: ${candidate.name}, ${recorded.length} messages, group from earliest`, 'events/s received', 'events/s', candidate.consumeRate, versus(baseline.consumeRate)),
    figure(`consumer: ${candidate.name}, CPU per message`, 'µs of CPU per message', 'µs', candidate.consumeCpu, versus(baseline.consumeCpu)),
  ]);
}

function summarise(runs: { produce: Run[]; consume: Run[] }, messages: number) {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    produceRate: median(runs.produce.map((r) => messages / r.seconds)),
    produceCpu: round(median(runs.produce.map((r) => r.cpuMicros / messages))),
    consumeRate: median(runs.consume.map((r) => messages / r.seconds)),
    consumeCpu: round(median(runs.consume.map((r) => r.cpuMicros / messages))),
  };
}

/** Resolves once `expected` messages are counted; fails after five minutes. Not polled, so it costs no CPU of its own. */
function counter(client: string, expected: number) {
  let received = 0;
  let reached!: () => void;
  const done = new Promise<void>((resolve, reject) => {
    reached = resolve;
    setTimeout(() => reject(new Error(`${client} received ${received} of ${expected} messages in 5 minutes`)), 300_000).unref();
  });
  return { add: (n: number) => (received += n) >= expected && reached(), done };
}

/** Wall time and this process's CPU from start() to stop(). */
function stopwatch() {
  let started: { at: bigint; cpu: NodeJS.CpuUsage } | undefined;
  return {
    start: () => (started ??= { at: process.hrtime.bigint(), cpu: process.cpuUsage() }),
    stop: (): Run => {
      const cpu = process.cpuUsage(started!.cpu);
      return { seconds: Number(process.hrtime.bigint() - started!.at) / 1e9, cpuMicros: cpu.user + cpu.system };
    },
  };
}

function kafkajsClient(kafka: Kafka): ClientUnderTest {
  return {
    name: 'kafkajs 2.2.4',
    async produce(batches) {
      const producer = createIdempotentProducer(kafka);
      await producer.connect();
      const clock = stopwatch();
      clock.start();
      for (const topicMessages of batches) await producer.sendBatch({ acks: -1, topicMessages });
      const run = clock.stop();
      await producer.disconnect();
      return run;
    },
    async consume(topics, expected) {
      const consumer = kafka.consumer({ groupId: `bench-${randomBytes(4).toString('hex')}`, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      const clock = stopwatch();
      const received = counter('kafkajs', expected);
      let bytes = 0;
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: PARTITIONS_IN_PARALLEL,
        eachBatch: async ({ batch }) => {
          clock.start();
          // As the projector reads them: key, value and headers as strings (fromWireMessage).
          for (const message of batch.messages) {
            bytes += message.key!.toString().length + message.value!.toString().length;
            for (const header of Object.values(message.headers!)) bytes += header!.toString().length;
          }
          received.add(batch.messages.length);
        },
      });
      await received.done;
      const run = clock.stop();
      await consumer.disconnect();
      if (!bytes) throw new Error('kafkajs received messages without values');
      return run;
    },
  };
}

function platformaticClient(bootstrapBrokers: readonly string[]): ClientUnderTest {
  return {
    name: '@platformatic/kafka 1.35.0',
    async produce(batches) {
      const producer = new PlatformaticProducer({
        clientId: 'bench-platformatic',
        bootstrapBrokers: [...bootstrapBrokers],
        serializers: stringSerializers,
        idempotent: true,
        acks: ProduceAcks.ALL,
        autocreateTopics: false,
      });
      const clock = stopwatch();
      clock.start();
      for (const topicMessages of batches) {
        await producer.send({ messages: topicMessages.flatMap(({ topic, messages }) => messages.map((m) => ({ topic, key: m.key as string, value: m.value as string, headers: m.headers as Record<string, string> }))) });
      }
      const run = clock.stop();
      await producer.close();
      return run;
    },
    async consume(topics, expected) {
      const consumer = new PlatformaticConsumer({
        groupId: `bench-${randomBytes(4).toString('hex')}`,
        clientId: 'bench-platformatic',
        bootstrapBrokers: [...bootstrapBrokers],
        deserializers: stringDeserializers,
      });
      const clock = stopwatch();
      const received = counter('@platformatic/kafka', expected);
      let bytes = 0;
      const stream = await consumer.consume({ topics: [...topics], mode: 'earliest', autocommit: false });
      stream.on('data', (message) => {
        clock.start();
        // Decoded to strings by its deserializers, as the projector reads them.
        bytes += message.key.length + message.value.length;
        for (const header of message.headers.values()) bytes += header.length;
        received.add(1);
      });
      await received.done;
      const run = clock.stop();
      await consumer.close(true);
      if (!bytes) throw new Error('@platformatic/kafka received messages without values');
      return run;
    },
  };
}

function kafkaTsClient(brokers: readonly string[]): ClientUnderTest {
  const client = createKafkaTsClient({
    clientId: 'bench-kafka-ts',
    bootstrapServers: brokers.map((broker) => ({ host: broker.slice(0, broker.lastIndexOf(':')), port: Number(broker.slice(broker.lastIndexOf(':') + 1)) })),
  });
  return {
    name: 'kafka-ts 1.5.0',
    async produce(batches) {
      // Always idempotent, acks from all replicas (its producer sends acks -1 with a producer id and sequence).
      const producer = client.createProducer({ allowTopicAutoCreation: false, maxBatchSize: BATCH_SIZE });
      const clock = stopwatch();
      clock.start();
      for (const topicMessages of batches) {
        await producer.send(topicMessages.flatMap(({ topic, messages }) => messages.map((m) => ({ topic, key: m.key as string, value: m.value as string, headers: m.headers as Record<string, string> }))));
      }
      const run = clock.stop();
      await producer.close();
      return run;
    },
    async consume(topics, expected) {
      const clock = stopwatch();
      const received = counter('kafka-ts', expected);
      let bytes = 0;
      const consumer = await client.startConsumer({
        groupId: `bench-${randomBytes(4).toString('hex')}`,
        topics: [...topics],
        fromBeginning: true,
        onBatch: (messages) => {
          clock.start();
          // Key, value and headers come decoded to strings, as the projector reads them.
          for (const message of messages) bytes += message.key!.length + message.value!.length + Object.values(message.headers).reduce((n, h) => n + h.length, 0);
          received.add(messages.length);
        },
      });
      await received.done;
      const run = clock.stop();
      await consumer.close();
      if (!bytes) throw new Error('kafka-ts received messages without values');
      return run;
    },
  };
}
