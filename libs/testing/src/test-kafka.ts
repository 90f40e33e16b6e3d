import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';

export function testKafka(clientId = 'civic-test'): Kafka {
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  if (!brokers?.length) throw new Error('KAFKA_BROKERS is not set: run integration tests through `npm test`');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/** A topic prefix and consumer-group suffix of its own, so test files never read each other's messages. */
export function testNamespace(): string {
  return `t${randomBytes(4).toString('hex')}.`;
}

export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * An independent consumer, as an integrator would run one: it collects every message of the topics from the
 * beginning, with headers decoded to strings.
 */
export class MessageCollector {
  readonly messages: ReceivedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: readonly string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `collector-${randomBytes(4).toString('hex')}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({ topic, partition, ...decode(message) });
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decode(message: KafkaMessage): Pick<ReceivedMessage, 'key' | 'value' | 'headers'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = value.toString();
  }
  return { key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers };
}
