import { open } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { AnchorPublisher, SignedLogAnchor } from '@civic/event-store';
import { createIdempotentProducer, ensureTopics } from '../kafka-client';
import { topicSettingsFromEnv } from '../kafka-connection';
import { logAnchorTopic } from '../topics';

/** The anchor as published: on Kafka as the message's value, in the anchor file as one line. */
export function anchorMessage(signed: SignedLogAnchor): string {
  return JSON.stringify(signed);
}

/** Appends each anchor to a file of JSON lines and waits for the disk, so the copy an operator ships holds it. */
export function anchorFilePublisher(file: string): AnchorPublisher {
  return async (signed) => {
    const handle = await open(file, 'a', 0o644);
    try {
      await handle.appendFile(`${anchorMessage(signed)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
}

/** Sends anchors to their topic with an idempotent producer, acknowledged by every in-sync replica. */
export class KafkaAnchorPublisher {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic = logAnchorTopic(),
  ) {}

  async connect(): Promise<void> {
    await ensureTopics(this.kafka, [this.topic], { ...topicSettingsFromEnv(), partitions: 1 });
    this.producer = createIdempotentProducer(this.kafka);
    await this.producer.connect();
  }

  readonly publish: AnchorPublisher = async (signed) => {
    if (!this.producer) throw new Error('the anchor publisher is not connected to Kafka');
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: 'log', value: anchorMessage(signed), headers: { 'content-type': 'application/json', sequence: String(signed.anchor.sequence) } }],
    });
  };

  async disconnect(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}

/** Publishes to each in turn; the first that fails stops the anchor from being stored, so it is made again. */
export function publishingToAll(publishers: readonly AnchorPublisher[]): AnchorPublisher {
  return async (signed) => {
    for (const publish of publishers) await publish(signed);
  };
}

/**
 * Every anchor on the anchors topic, in order, up to its end when asked: what an auditor checks the log against.
 * Reads as a throwaway consumer group that commits nothing.
 */
export async function readPublishedAnchors(kafka: Kafka, topic = logAnchorTopic()): Promise<SignedLogAnchor[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const end = BigInt(ends.find((partition) => partition.partition === 0)?.high ?? '0');
  const start = BigInt(ends.find((partition) => partition.partition === 0)?.low ?? '0');
  if (end <= start) return [];
  const anchors: SignedLogAnchor[] = [];
  const consumer = kafka.consumer({ groupId: `civic-anchors-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            anchors.push(JSON.parse(message.value?.toString('utf8') ?? 'null') as SignedLogAnchor);
            if (BigInt(message.offset) + 1n >= end) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return anchors;
}
