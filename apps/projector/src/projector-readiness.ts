import { ProgressWatch, Readiness } from '@civic/platform';

/** One partition of a topic the projector reads: where Kafka's log of it ends, and how far the read models are. */
export interface PartitionProgress {
  readonly topic: string;
  readonly partition: number;
  /** Kafka's high watermark: the offset the next message will get. */
  readonly end: bigint;
  /** The next offset the read models will apply (their stored offset, or the partition's start). */
  readonly next: bigint;
}

export interface ProjectorSurroundings {
  /** Every partition's progress; rejects when Kafka or the database does not answer. */
  partitions(): Promise<readonly PartitionProgress[]>;
  /** Whether the Kafka consumer is running (kafkajs restarts it after a crash; a stop is final). */
  consuming(): boolean;
}

/**
 * The projector is ready when its consumer runs, Kafka and its database answer, and its lag (messages on Kafka not
 * yet in the read models) is nil or has not stood still for `stallSeconds`.
 */
export class ProjectorReadiness {
  private readonly watch: ProgressWatch;

  constructor(
    private readonly surroundings: ProjectorSurroundings,
    private readonly stallSeconds: number,
    now: () => number = Date.now,
  ) {
    this.watch = new ProgressWatch(now);
  }

  async probe(): Promise<Readiness> {
    let partitions: readonly PartitionProgress[];
    try {
      partitions = await this.surroundings.partitions();
    } catch (error) {
      return { ready: false, reason: `cannot measure the lag: ${(error as Error).message}`, details: {} };
    }
    const lag = Object.fromEntries(partitions.map((p) => [`${p.topic}:${p.partition}`, Number(p.end > p.next ? p.end - p.next : 0n)]));
    const total = Object.values(lag).reduce((a, b) => a + b, 0);
    const applied = partitions.reduce((sum, p) => sum + p.next, 0n);
    const waitingSeconds = this.watch.observe(applied, total > 0);
    const details = { consuming: this.surroundings.consuming(), lag: total, lagByPartition: lag, secondsWithoutProgress: waitingSeconds };
    if (!details.consuming) return { ready: false, reason: 'the Kafka consumer is not running', details };
    if (waitingSeconds >= this.stallSeconds) return { ready: false, reason: `${total} messages wait and none has been applied for ${waitingSeconds} s`, details };
    return { ready: true, details };
  }
}
