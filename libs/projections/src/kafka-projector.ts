import { Pool } from 'pg';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { ensureTopics, fromWireMessage } from '@civic/messaging';
import { inTransaction } from '@civic/event-store';
import { applyParkingFailures, ApplyOptions, ProjectionApplier } from './projection-applier';
import { DEAD_LETTER_LOCK } from './dead-letters/dead-letter-operations';

/** How often the offsets already in Postgres are also committed to Kafka, for lag monitoring. */
const KAFKA_COMMIT_INTERVAL_MS = 5_000;

/**
 * Batches of different partitions are applied at the same time, each in its own transaction. A stream is keyed
 * to one partition, so no two transactions apply the same stream; one at a time, a fetch's batches queued
 * behind each other and the last waited for all the others' round trips.
 */
const PARTITIONS_IN_PARALLEL = 3;

export interface KafkaProjectorOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface ProjectorStatus {
  readonly running: boolean;
  readonly applied: number;
  readonly lastPosition: string | null;
}

function headersAsStrings(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return result;
}

/**
 * Kafka to read models with an exactly-once effect: each batch is applied in one Postgres transaction that
 * also moves the partition's offset, kept in Postgres. Messages at or below the stored offset are skipped, so
 * a restart or a redelivery never counts twice. Offsets committed to Kafka serve only lag monitoring, so they are
 * committed every few seconds rather than after each batch: a broker round trip less before the next fetch.
 */
export class KafkaProjector {
  private consumer?: Consumer;
  private state: ProjectorStatus = { running: false, applied: 0, lastPosition: null };

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly applier: ProjectionApplier,
    private readonly options: KafkaProjectorOptions,
  ) {}

  status(): ProjectorStatus {
    return this.state;
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, [...this.options.topics]);
    // A crashed member holds its partitions until its session times out: keep that short so a restarted
    // projector resumes within seconds rather than half a minute.
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 2_000,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    // Postgres, not Kafka, is the truth about how far we got: resume from there on every assignment.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      void this.seekToStoredOffsets(payload.memberAssignment);
    });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: KAFKA_COMMIT_INTERVAL_MS,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_IN_PARALLEL,
      eachBatch: (payload) => this.applyBatch(payload),
    });
    this.state = { ...this.state, running: true };
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.state = { ...this.state, running: false };
  }

  /**
   * One batch in one transaction with the partition's offset: all of it counts, or none of it.
   *
   * The commit does not wait for its WAL to reach disk (synchronous_commit off): a crash can lose only the last
   * batches, and their offset with them, so they are applied again from Kafka and still count once. Read models
   * are derived; only the log, written elsewhere, must be on disk before a command is acknowledged.
   */
  private applyInTransaction(batch: EachBatchPayload['batch'], options: ApplyOptions): Promise<{ applied: number; lastPosition: string | null }> {
    const begin = `BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock_shared(${DEAD_LETTER_LOCK})`;
    return inTransaction(this.pool, async (client) => {
      // Creates the partition's row on first use and, either way, locks it and reads it: one round trip.
      const { rows } = await client.query<{ next_offset: string }>(
        `INSERT INTO projection_offsets AS o (consumer_group, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
         ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = o.next_offset
         RETURNING next_offset::text`,
        [this.options.groupId, batch.topic, batch.partition],
      );
      const nextOffset = BigInt(rows[0].next_offset);
      const fresh = batch.messages.filter((message) => BigInt(message.offset) >= nextOffset);
      const events = fresh.map((message) =>
        fromWireMessage({
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8') ?? '',
          headers: headersAsStrings(message.headers),
          timestamp: message.timestamp,
        }),
      );
      const applied = await this.applier.applyAll(client, events, options);
      const last = fresh.length ? BigInt(fresh[fresh.length - 1].offset) : null;
      const lastPosition = events.length ? events[events.length - 1].position : null;
      if (last !== null) {
        await client.query(
          `UPDATE projection_offsets SET next_offset = $4, updated_at = now()
           WHERE consumer_group = $1 AND topic = $2 AND partition = $3`,
          [this.options.groupId, batch.topic, batch.partition, (last + 1n).toString()],
        );
      }
      return { applied, lastPosition };
    }, begin);
  }

  private async seekToStoredOffsets(assignment: Record<string, number[]>): Promise<void> {
    for (const [topic, partitions] of Object.entries(assignment)) {
      const { rows } = await this.pool.query<{ partition: number; next_offset: string }>(
        `SELECT partition, next_offset::text FROM projection_offsets
         WHERE consumer_group = $1 AND topic = $2 AND partition = ANY($3::int[])`,
        [this.options.groupId, topic, partitions],
      );
      for (const row of rows) this.consumer?.seek({ topic, partition: row.partition, offset: row.next_offset });
    }
  }

  private async applyBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (!batch.messages.length || !isRunning() || isStale()) return;
    const { applied, lastPosition } = await applyParkingFailures((options) => this.applyInTransaction(batch, options));
    const lastMessage = batch.messages[batch.messages.length - 1];
    resolveOffset(lastMessage.offset);
    await heartbeat();
    this.state = {
      ...this.state,
      applied: this.state.applied + applied,
      lastPosition: lastPosition ?? this.state.lastPosition,
    };
  }
}
