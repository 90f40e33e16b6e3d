import { Client, Pool } from 'pg';
import { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import { checkpointOf, EVENTS_CHANNEL, LogCheckpoint, LogFollower, PostgresLogFollower, RecordedEvent } from '@civic/event-store';
import { toWireMessage } from '../cloud-event-codec';
import { createIdempotentProducer, ensureTopics } from '../kafka-client';
import { allTopics, topicForStreamType } from '../topics';

/** How soon to look again when committed events wait behind a transaction still open. */
const HELD_BACK_RECHECK_MS = 5;
/** How soon a relay with nothing to send still saves the checkpoint it reached (in a read of its own). */
const CHECKPOINT_SAVED_WITHIN_MS = 100;

/** Events as Kafka messages (CloudEvents, binary mode), grouped by the topic of their stream type, in log order. */
export function toTopicMessages(events: readonly RecordedEvent[], topicPrefix: string): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const event of events) {
    const topic = topicForStreamType(event.streamType, topicPrefix);
    const { key, value, headers } = toWireMessage(event);
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key, value, headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

export interface RelayOptions {
  readonly name: string;
  readonly databaseUrl: string;
  readonly batchSize: number;
  /** The fallback when a notification is missed, or when an older open transaction holds events back. */
  readonly pollIntervalMs: number;
  /** How often a standby instance tries to take over the lock. */
  readonly standbyRetryMs: number;
  /** The longest wait before competing again after losing the lead; waits double from standbyRetryMs up to it. */
  readonly maxRetryMs?: number;
  readonly topicPrefix: string;
  /** Told of each batch Kafka acknowledged, and how long the acknowledgement took (metrics). */
  readonly onPublished?: (batch: readonly RecordedEvent[], sendSeconds: number) => void;
}

export interface RelayStatus {
  readonly role: 'starting' | 'standby' | 'leader' | 'stopped';
  readonly checkpoint: LogCheckpoint | null;
  readonly published: number;
  readonly heldBack: number;
  /** Why the relay last stepped down (its lock session or Kafka lost), and when; null while all is well. */
  readonly lastFailure: { readonly message: string; readonly at: string } | null;
}

const DEFAULT_MAX_RETRY_MS = 30_000;

/**
 * Moves the event log to Kafka. One instance is active (it holds a session-level advisory lock); the others
 * wait as standbys. It reads below the oldest running transaction, publishes with the idempotent producer
 * keyed by stream id, and only then moves its checkpoint, so a crash re-publishes rather than loses:
 * delivery is at least once and consumers dedupe by stream version.
 */
export class LogToKafkaRelay {
  /** The log as the relay reads it: the next events and its checkpoint (EventLog's LogFollower). */
  private readonly follower: LogFollower;
  private lockSession?: Client;
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private notified = false;
  /** The checkpoint last saved to Postgres (the same object as the current one once saved). */
  private saved?: LogCheckpoint;
  private state: RelayStatus = { role: 'starting', checkpoint: null, published: 0, heldBack: 0, lastFailure: null };
  /** Set when the lock session is lost: the leader must stop sending at once, since another may take over. */
  private leadershipLost?: Error;

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly options: RelayOptions,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.follower = new PostgresLogFollower(pool);
  }

  status(): RelayStatus {
    return this.state;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.resign();
    this.state = { ...this.state, role: 'stopped' };
  }

  /**
   * Leads while it can. Losing the lock session, the database or Kafka makes it step down: it gives up its lock
   * and producer, waits (doubling from standbyRetryMs up to maxRetryMs) and competes for the lock again, as a
   * standby does. It never exits on its own; the checkpoint it saved is where the next leader resumes.
   */
  private async run(): Promise<void> {
    for (let failures = 0; this.running; ) {
      try {
        await this.lead();
        return;
      } catch (error) {
        if (!this.running) return;
        // A relay that had led counts its failures afresh: the waits grow only while it cannot lead at all.
        failures = this.state.role === 'leader' ? 1 : failures + 1;
        const wait = Math.min(this.options.standbyRetryMs * 2 ** (failures - 1), this.options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS);
        const message = (error as Error).message;
        this.state = { ...this.state, role: 'standby', lastFailure: { message, at: new Date().toISOString() } };
        this.log(`stepped down (${message}); competing for the lead again in ${wait} ms`);
        await this.resign();
        await this.idle(wait);
      }
    }
  }

  /** Gives up the producer and the lock session, whatever state they are in. */
  private async resign(): Promise<void> {
    const [producer, session] = [this.producer, this.lockSession];
    this.producer = undefined;
    this.lockSession = undefined;
    await producer?.disconnect().catch(() => undefined);
    await session?.end().catch(() => undefined);
  }

  private async lead(): Promise<void> {
    this.leadershipLost = undefined;
    await this.becomeLeader();
    if (!this.running) return;
    await ensureTopics(this.kafka, allTopics(this.options.topicPrefix));
    this.producer = createIdempotentProducer(this.kafka);
    await this.producer.connect();
    await this.lockSession!.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.lockSession!.on('notification', () => {
      // Remembered when it arrives mid-batch, so the next idle does not sleep through it.
      this.notified = true;
      this.wake?.();
    });

    let checkpoint = await this.follower.loadCheckpoint(this.options.name);
    this.saved = checkpoint;
    this.state = { ...this.state, role: 'leader', checkpoint, lastFailure: null };
    this.log(`leader; resuming after position ${checkpoint.position}`);
    // With a backlog (a full batch), the next batch is read and encoded while this one is acknowledged by Kafka:
    // the log and the broker work at the same time. Without one, the relay waits for the next notification (one
    // that came during the send wakes it at once) or, with events held back behind an open transaction, looks
    // again in a few milliseconds. The checkpoint moves only after the acknowledgement, so a crash re-sends, never
    // skips; it is saved by the next read (GapFreeLogReader.follow), which a relay with nothing to do makes within
    // CHECKPOINT_SAVED_WITHIN_MS, so a crash re-sends at most what that while published.
    let next = this.prepare(checkpoint);
    // A read started before a failure is awaited (and its failure swallowed) before stepping down.
    const settle = () => next.then(() => undefined, () => undefined);
    while (this.running) {
      if (this.leadershipLost) {
        await settle();
        throw this.leadershipLost;
      }
      const { batch, topicMessages, heldBack } = await next;
      this.state = { ...this.state, heldBack };
      if (batch.length) {
        const sendStarted = performance.now();
        const sending = this.producer!.sendBatch({ acks: -1, topicMessages });
        const sent = checkpointOf(batch[batch.length - 1]);
        const backlog = batch.length === this.options.batchSize;
        if (backlog) next = this.prepare(sent, checkpoint);
        try {
          await sending;
        } catch (error) {
          if (backlog) await settle();
          throw error;
        }
        checkpoint = sent;
        this.state = { ...this.state, checkpoint, published: this.state.published + batch.length };
        this.options.onPublished?.(batch, (performance.now() - sendStarted) / 1000);
        if (backlog) continue;
      }
      const unsaved = checkpoint !== this.saved;
      // Events held back behind an open transaction are due within milliseconds: look again soon.
      const wait = heldBack ? HELD_BACK_RECHECK_MS : unsaved ? CHECKPOINT_SAVED_WITHIN_MS : this.options.pollIntervalMs;
      await this.idle(Math.min(wait, this.options.pollIntervalMs));
      next = this.prepare(checkpoint, checkpoint);
    }
    await next.catch(() => undefined); // a read started before stop() finishes before the relay says it stopped
    if (checkpoint !== this.saved) await this.follower.saveCheckpoint(this.options.name, checkpoint);
  }

  /**
   * The next batch after a checkpoint, read and encoded as Kafka messages per topic; `acknowledged` (a checkpoint
   * Kafka has acknowledged everything up to) is saved by the same statement when it is not saved yet.
   */
  private prepare(after: LogCheckpoint, acknowledged?: LogCheckpoint): Promise<{ batch: RecordedEvent[]; topicMessages: TopicMessages[]; heldBack: number }> {
    const save = acknowledged && acknowledged !== this.saved ? { reader: this.options.name, checkpoint: acknowledged } : undefined;
    const prepared = this.follower.follow(after, this.options.batchSize, save).then(({ events, heldBack }) => {
      if (save) this.saved = save.checkpoint;
      return { batch: events, topicMessages: toTopicMessages(events, this.options.topicPrefix), heldBack };
    });
    // Read ahead while a send is acknowledged, it may fail before it is awaited: the failure is met when it is.
    prepared.catch(() => undefined);
    return prepared;
  }

  private async becomeLeader(): Promise<void> {
    this.state = { ...this.state, role: 'standby' };
    while (this.running) {
      const session = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.name}-lock` });
      // Until it holds the lock, a failing session only fails the attempt (the query below rejects).
      session.on('error', () => undefined);
      await session.connect().catch(async (error: Error) => {
        await session.end().catch(() => undefined);
        throw error;
      });
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        `civic-records:${this.options.name}`,
      ]);
      if (rows[0].locked) {
        // Losing this session means losing the lock: another instance may take over, so this one stops sending.
        const lost = (error?: Error) => {
          if (this.lockSession !== session) return;
          this.leadershipLost = new Error(`lock session lost${error ? `: ${error.message}` : ''}`);
          this.wake?.();
        };
        session.on('error', lost);
        session.on('end', () => lost());
        this.lockSession = session;
        return;
      }
      await session.end();
      await this.idle(this.options.standbyRetryMs);
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.notified || !this.running) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // Woken or timed out, the same way out: no stale wake-up may swallow a later notification.
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
