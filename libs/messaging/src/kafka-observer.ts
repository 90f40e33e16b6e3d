import { Admin, Kafka } from 'kafkajs';

/** Where one partition of a topic begins and ends on Kafka (offsets). */
export interface PartitionEnds {
  readonly topic: string;
  readonly partition: number;
  readonly low: bigint;
  readonly high: bigint;
}

/** How far a consumer group is behind on one partition: messages after the offset it committed to Kafka. */
export interface ConsumerLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: bigint;
}

/**
 * One admin connection, kept, for what a service's readiness asks of Kafka: does the cluster answer, and where do
 * the topics' partitions end. Each question has `timeoutMs` to be answered; a failure drops the connection, and
 * the next question opens another. Its admin does not retry: a slow answer is the answer.
 */
export class KafkaObserver {
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs = 2_000,
  ) {}

  async answers(): Promise<void> {
    await this.ask((admin) => admin.describeCluster());
  }

  partitionEnds(topics: readonly string[]): Promise<PartitionEnds[]> {
    return this.ask(async (admin) =>
      (await Promise.all(topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, low: BigInt(p.low), high: BigInt(p.high) }))))).flat(),
    );
  }

  /** The group's lag on every partition of the topics; a partition it never committed counts all its messages. */
  async consumerLag(groupId: string, topics: readonly string[]): Promise<ConsumerLag[]> {
    const [ends, committed] = await Promise.all([this.partitionEnds(topics), this.ask((admin) => admin.fetchOffsets({ groupId, topics: [...topics] }))]);
    const offsets = new Map(committed.flatMap(({ topic, partitions }) => partitions.map((p) => [`${topic}:${p.partition}`, BigInt(p.offset)] as const)));
    return ends.map(({ topic, partition, low, high }) => {
      const offset = offsets.get(`${topic}:${partition}`) ?? -1n;
      const from = offset < low ? low : offset;
      return { topic, partition, lag: high > from ? high - from : 0n };
    });
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private async ask<T>(question: (admin: Admin) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Kafka did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      this.admin ??= (async () => {
        const admin = this.kafka.admin({ retry: { retries: 0 } });
        await admin.connect();
        return admin;
      })();
      const admin = this.admin;
      return await Promise.race([admin.then(question), timeout]);
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
