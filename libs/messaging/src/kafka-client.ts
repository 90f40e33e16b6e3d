import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { kafkaLogCreator, StructuredLogger } from './kafka-log';
import { kafkaSecurityFromEnv, TopicSettings, topicSettingsFromEnv } from './kafka-connection';
import { allTopics } from './topics';

/**
 * The only place that builds kafkajs clients. kafkajs is unmaintained; keeping it behind this file and the
 * relay/projector adapters makes a swap local (docs/adr/0003-local-kafka-from-maven.md).
 */
export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
  if (!brokers?.length) throw new Error('KAFKA_BROKERS is not set; `npm start` and `npm test` set it for you');
  return brokers;
}

export function createKafka(clientId: string, { brokers = brokersFromEnv(), logger }: { brokers?: string[]; logger?: StructuredLogger } = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...kafkaSecurityFromEnv(),
    logLevel: logLevel.WARN,
    logCreator: logger && kafkaLogCreator(logger),
    retry: { initialRetryTime: 200, retries: 10 },
  });
}

/** Creates the contract topics if they are missing; safe to call from every process at start. */
export async function ensureTopics(kafka: Kafka, topics = allTopics(), settings: TopicSettings = topicSettingsFromEnv()): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: settings.minInsyncReplicas ? [{ name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) }] : [],
        })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * The idempotent producer: the broker drops duplicates of a retried send, so a retry never reorders or doubles
 * a stream. Retries are unbounded, as kafkajs requires for that guarantee; the relay's loop bounds the wait.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5000 },
  });
}
