import { setTimeout as delay } from 'node:timers/promises';
import { escapeLiteral, Pool, QueryResult } from 'pg';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { ensureTopics, fromWireMessage } from '@civic/messaging';
import { inTransaction, RecordedEvent } from '@civic/event-store';
import { applyParkingFailures, ApplyOptions, ProjectionRunner } from './projection-runner';
import { DEAD_LETTER_LOCK } from './dead-letters/dead-letter-operations';
import { preparingStatements } from './prepared-statements';
import { deferringStatements } from './deferred-statements';

/** How often the offsets already in Postgres are also committed to Kafka, for lag monitoring. */
const DEFAULT_KAFKA_COMMIT_INTERVAL_MS = 5_000;
/** How long stopping waits for the last commit to Kafka: kafkajs retries a commit to an unreachable broker for minutes. */
const LAST_COMMIT_WAIT_MS = 2_000;
/** Waits between attempts to start a consumer kafkajs gave up on: doubling from the first, up to the last. */
const FIRST_RESTART_MS = 500;
const LAST_RESTART_MS = 30_000;

/**
 * Batches of different partitions are applied at the same time, each in its own transaction. A stream is keyed
 * to one partition, so no two transactions apply the same stream; one at a time, a fetch's batches queued
 * behind each other and the last waited for all the others' round trips.
 */
const PARTITIONS_IN_PARALLEL = 3;

export interface KafkaProjectorOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** How often the applied offsets are also committed to Kafka (lag monitoring only); 5 s unless given. */
  readonly kafkaCommitIntervalMs?: number;
  /** Told when the consumer stopped for good and is being started again, and why. */
  readonly onRestart?: (reason: string) => void;
  /** Told of each batch committed to the read models: its events as applied, and how long its transaction took (metrics). */
  readonly onApplied?: (events: readonly RecordedEvent[], applied: number, seconds: number) => void;
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
 * A partition's offset row as SQL literals, for the statements sent with BEGIN and COMMIT as one simple query
 * (which takes no parameters): the group and topic escaped, the partition checked to be an integer.
 */
function offsetRow(groupId: string, topic: string, partition: number): { values: string; where: string } {
  if (!Number.isSafeInteger(partition)) throw new Error(`Kafka partition ${partition} is not an integer`);
  const [group, topicName] = [escapeLiteral(groupId), escapeLiteral(topic)];
  return { values: `${group}, ${topicName}, ${partition}`, where: `consumer_group = ${group} AND topic = ${topicName} AND partition = ${partition}` };
}

/**
 * Kafka to read models with an exactly-once effect: each batch is applied in one Postgres transaction that
 * also moves the partition's offset, kept in Postgres. Messages at or below the stored offset are skipped, so
 * a restart or a redelivery never counts twice. Offsets committed to Kafka serve only lag monitoring, so they are
 * committed on a timer of their own rather than after each batch: kafkajs's auto-commit commits after every batch
 * whatever its interval (tulios/kafkajs#759), a broker round trip between a batch and the next fetch.
 */
export class KafkaProjector {
  private consumer?: Consumer;
  private state: ProjectorStatus = { running: false, applied: 0, lastPosition: null };
  /** The next offset to read of each partition applied since the last commit to Kafka, by "topic:partition". */
  private readonly uncommitted = new Map<string, { topic: string; partition: number; offset: string }>();
  private commitTimer?: NodeJS.Timeout;
  private committing?: Promise<void>;
  /** Set by stop(): a consumer that crashes after it is not started again. */
  private stopped = false;
  private restarting?: Promise<void>;
  /** Cuts a restart's wait short when the projector stops. */
  private restartWait?: AbortController;

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly runner: ProjectionRunner,
    private readonly options: KafkaProjectorOptions,
  ) {}

  status(): ProjectorStatus {
    return this.state;
  }

  async start(): Promise<void> {
    this.stopped = false;
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
    // kafkajs restarts a consumer that crashed on a retriable error. Others it leaves stopped for good — no broker
    // answering while Kafka restarts, an error it does not retry — so the projector starts a new one itself.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.state = { ...this.state, running: false };
      this.restarting ??= this.startAgain(consumer, payload.error).finally(() => (this.restarting = undefined));
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_IN_PARALLEL,
      eachBatch: (payload) => this.applyBatch(payload),
    });
    this.commitTimer = setInterval(() => void this.commitToKafka(), this.options.kafkaCommitIntervalMs ?? DEFAULT_KAFKA_COMMIT_INTERVAL_MS);
    this.commitTimer.unref();
    this.state = { ...this.state, running: true };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.restartWait?.abort();
    await this.restarting;
    clearInterval(this.commitTimer);
    // After any commit under way, what was applied since.
    const lastCommit = (this.committing ?? Promise.resolve()).then(() => this.commitToKafka());
    // Only lag monitoring reads these offsets, so a broker gone away must not hold the projector's shutdown.
    await Promise.race([lastCommit, delay(LAST_COMMIT_WAIT_MS, undefined, { ref: false })]);
    await this.consumer?.disconnect();
    this.state = { ...this.state, running: false };
  }

  /**
   * Starts a new consumer in place of one kafkajs gave up on, until one runs or the projector is stopped. What was
   * applied is in Postgres with its offsets, so the new one resumes where the old one stopped (seekToStoredOffsets).
   */
  private async startAgain(crashed: Consumer, error: Error): Promise<void> {
    this.restartWait = new AbortController();
    for (let attempt = 0; !this.stopped; attempt += 1) {
      const wait = Math.min(FIRST_RESTART_MS * 2 ** attempt, LAST_RESTART_MS);
      this.options.onRestart?.(`the Kafka consumer stopped (${error.message}); starting a new one in ${wait} ms`);
      const waited = await delay(wait, true, { ref: false, signal: this.restartWait.signal }).catch(() => false);
      if (!waited || this.stopped) return;
      clearInterval(this.commitTimer);
      await (this.consumer ?? crashed).disconnect().catch(() => undefined);
      try {
        await this.start();
        return;
      } catch (failure) {
        error = failure as Error;
      }
    }
  }

  /** Commits to Kafka what was applied since the last commit; one commit at a time, a failed one tried next time. */
  private commitToKafka(): Promise<void> {
    this.committing ??= (async () => {
      const offsets = [...this.uncommitted.values()];
      this.uncommitted.clear();
      if (!offsets.length || !this.consumer) return;
      try {
        await this.consumer.commitOffsets(offsets);
      } catch {
        // Only lag monitoring reads these offsets: keep them for the next commit unless a later batch superseded them.
        for (const offset of offsets) {
          const key = `${offset.topic}:${offset.partition}`;
          if (!this.uncommitted.has(key)) this.uncommitted.set(key, offset);
        }
      }
    })().finally(() => {
      this.committing = undefined;
    });
    return this.committing;
  }

  /**
   * One batch in one transaction with the partition's offset: all of it counts, or none of it.
   *
   * The commit does not wait for its WAL to reach disk (synchronous_commit off): a crash can lose only the last
   * batches, and their offset with them, so they are applied again from Kafka and still count once. Read models
   * are derived; only the log, written elsewhere, must be on disk before a command is acknowledged.
   *
   * Its statements are prepared once per connection and planned once (plan_cache_mode = force_generic_plan): left
   * to choose, Postgres plans anew each batch a statement whose arrays it can see are short. Their plans are
   * lookups by key whatever the parameters (docs/adr/0024-statements-planned-once.md). Opening the transaction
   * with reading the offset, and moving the offset with committing, go in one round trip each (ADR 0027); the
   * batch's last inserts, which answer nothing, go with the commit (ADR 0028).
   */
  private applyInTransaction(
    batch: EachBatchPayload['batch'],
    options: ApplyOptions,
  ): Promise<{ events: RecordedEvent[]; applied: number; lastPosition: string | null; nextOffset: bigint | null; sentWithCommit: string }> {
    const partition = offsetRow(this.options.groupId, batch.topic, batch.partition);
    // Creates the partition's row on first use and, either way, locks it and reads it.
    const begin = `BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL plan_cache_mode = force_generic_plan;
      SELECT pg_advisory_xact_lock_shared(${DEAD_LETTER_LOCK});
      INSERT INTO projection_offsets AS o (consumer_group, topic, partition, next_offset) VALUES (${partition.values}, 0)
      ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = o.next_offset
      RETURNING next_offset::text`;
    const commit = ({ nextOffset, sentWithCommit }: { nextOffset: bigint | null; sentWithCommit: string }) =>
      `${sentWithCommit}${nextOffset === null ? '' : `UPDATE projection_offsets SET next_offset = ${nextOffset}, updated_at = now() WHERE ${partition.where}; `}COMMIT`;
    return inTransaction(this.pool, async (client, opened) => {
      const stored = BigInt((opened[opened.length - 1] as QueryResult<{ next_offset: string }>).rows[0].next_offset);
      const fresh = batch.messages.filter((message) => BigInt(message.offset) >= stored);
      const events = fresh.map((message) =>
        fromWireMessage({
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8') ?? '',
          headers: headersAsStrings(message.headers),
          timestamp: message.timestamp,
        }),
      );
      // Isolating failures, each statement goes at once, inside its event's savepoint.
      const prepared = preparingStatements(client);
      const deferring = options.isolateFailures ? undefined : deferringStatements(prepared);
      const applied = await this.runner.apply(deferring ?? prepared, events, options);
      return {
        events,
        applied,
        sentWithCommit: deferring?.takeDeferred() ?? '',
        lastPosition: events.length ? events[events.length - 1].position : null,
        nextOffset: fresh.length ? BigInt(fresh[fresh.length - 1].offset) + 1n : null,
      };
    }, { begin, commit });
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
    const started = performance.now();
    const { events, applied, lastPosition } = await applyParkingFailures((options) => this.applyInTransaction(batch, options));
    this.options.onApplied?.(events, applied, (performance.now() - started) / 1000);
    const lastMessage = batch.messages[batch.messages.length - 1];
    resolveOffset(lastMessage.offset);
    const next = (BigInt(lastMessage.offset) + 1n).toString();
    this.uncommitted.set(`${batch.topic}:${batch.partition}`, { topic: batch.topic, partition: batch.partition, offset: next });
    await heartbeat();
    this.state = {
      ...this.state,
      applied: this.state.applied + applied,
      lastPosition: lastPosition ?? this.state.lastPosition,
    };
  }
}
