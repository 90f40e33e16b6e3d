import { Client, Pool } from 'pg';
import { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import { checkpointOf, EVENTS_CHANNEL, GapFreeLogReader, LogCheckpoint, LogCheckpointStore, RecordedEvent } from '@civic/event-store';
import { toWireMessage } from '../cloud-event-codec';
import { createIdempotentProducer, ensureTopics } from '../kafka-client';
import { allTopics, topicForStreamType } from '../topics';

/** How soon to look again when committed events wait behind a transaction still open. */
const HELD_BACK_RECHECK_MS = 5;

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
  readonly topicPrefix: string;
  /**
   * Called when the relay can no longer guarantee order (lost its lock session, producer failure). The service
   * exits so that a supervisor restarts it; tests observe it instead.
   */
  readonly onFatalError: (error: Error) => void;
}

export interface RelayStatus {
  readonly role: 'starting' | 'standby' | 'leader' | 'stopped';
  readonly checkpoint: LogCheckpoint | null;
  readonly published: number;
  readonly heldBack: number;
}

/**
 * Moves the event log to Kafka. One instance is active (it holds a session-level advisory lock); the others
 * wait as standbys. It reads below the oldest running transaction, publishes with the idempotent producer
 * keyed by stream id, and only then moves its checkpoint, so a crash re-publishes rather than loses:
 * delivery is at least once and consumers dedupe by stream version.
 */
export class LogToKafkaRelay {
  private readonly reader: GapFreeLogReader;
  private readonly checkpoints: LogCheckpointStore;
  private lockSession?: Client;
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private notified = false;
  private state: RelayStatus = { role: 'starting', checkpoint: null, published: 0, heldBack: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly options: RelayOptions,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.reader = new GapFreeLogReader(pool);
    this.checkpoints = new LogCheckpointStore(pool);
  }

  status(): RelayStatus {
    return this.state;
  }

  start(): void {
    this.running = true;
    this.loop = this.run().catch((error: Error) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect();
    await this.lockSession?.end().catch(() => undefined);
    this.state = { ...this.state, role: 'stopped' };
  }

  private fail(error: Error): void {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    this.state = { ...this.state, role: 'stopped' };
    this.log(`relay stopped: ${error.message}`);
    this.options.onFatalError(error);
  }

  private async run(): Promise<void> {
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

    let checkpoint = await this.checkpoints.load(this.options.name);
    this.state = { ...this.state, role: 'leader', checkpoint };
    this.log(`leader; resuming after position ${checkpoint.position}`);
    // With a backlog (a full batch), the next batch is read and encoded while this one is acknowledged by Kafka:
    // the log and the broker work at the same time. Without one, the next batch is read after the acknowledgement,
    // so that what was committed during the send goes with it rather than waiting for the send after. The
    // checkpoint moves only after the acknowledgement, so a crash re-sends, never skips.
    let next = this.prepare(checkpoint);
    // The checkpoint of one batch is written while the next is sent: a crash before it is written only re-sends.
    let saving = Promise.resolve();
    while (this.running) {
      const { batch, topicMessages } = await next;
      if (batch.length) {
        const sending = this.producer!.sendBatch({ acks: -1, topicMessages });
        const sent = checkpointOf(batch[batch.length - 1]);
        const backlog = batch.length === this.options.batchSize;
        if (backlog) next = this.prepare(sent);
        await sending;
        checkpoint = sent;
        await saving; // checkpoints are written in order
        saving = this.checkpoints.save(this.options.name, checkpoint);
        saving.catch(() => undefined); // a failure surfaces at the next await of it
        this.state = { ...this.state, checkpoint, published: this.state.published + batch.length };
        if (!backlog) next = this.prepare(checkpoint);
        continue;
      }
      const heldBack = await this.reader.heldBack(checkpoint);
      this.state = { ...this.state, heldBack };
      // Events held back behind an open transaction are due within milliseconds: look again soon.
      await this.idle(heldBack ? Math.min(HELD_BACK_RECHECK_MS, this.options.pollIntervalMs) : this.options.pollIntervalMs);
      next = this.prepare(checkpoint);
    }
    await next.catch(() => undefined); // a read started before stop() finishes before the relay says it stopped
    await saving;
  }

  /** The next batch after a checkpoint, read and encoded as Kafka messages per topic. */
  private async prepare(after: LogCheckpoint): Promise<{ batch: RecordedEvent[]; topicMessages: TopicMessages[] }> {
    const batch = await this.reader.readAfter(after, this.options.batchSize);
    return { batch, topicMessages: toTopicMessages(batch, this.options.topicPrefix) };
  }

  private async becomeLeader(): Promise<void> {
    this.state = { ...this.state, role: 'standby' };
    while (this.running) {
      const session = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.name}-lock` });
      await session.connect();
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        `civic-records:${this.options.name}`,
      ]);
      if (rows[0].locked) {
        // Losing this session means losing the lock: another instance may take over, so this one must stop.
        session.on('error', (error) => this.fail(new Error(`lock session lost: ${error.message}`)));
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
