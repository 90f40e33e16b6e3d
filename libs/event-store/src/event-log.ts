import { NewEvent, RecordedEvent } from './event-envelope';

/** A new stream has no events: an append that starts one expects version 0. */
export const NEW_STREAM = 0;

/** What a successful append answers; stored with an idempotency key so a retry gets the same answer. */
export interface AppendResult {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventIds: readonly string[];
  readonly position: string;
}

export interface IdempotencyClaim {
  /** Who and what the key is for (route and caller): keys of different callers never collide. */
  readonly scope: string;
  readonly key: string;
  /** A digest of the request; the same key with another request is refused. */
  readonly requestHash: string;
}

/** Events for one stream, decided on the stream at `expectedVersion` (NEW_STREAM for a stream not yet begun). */
export interface StreamAppend {
  readonly streamId: string;
  readonly streamType: string;
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
}

export interface AppendRequest extends StreamAppend {
  /** Claimed with the events, atomically: a retry with the same key finds the first answer. */
  readonly idempotency?: IdempotencyClaim;
}

/** Where a reader of the whole log stands: the last (transaction, position) it has handled. */
export interface LogCheckpoint {
  readonly transactionId: string;
  readonly position: string;
}

export const LOG_START: LogCheckpoint = { transactionId: '0', position: '0' };

export function checkpointOf(event: RecordedEvent): LogCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}

/** The whole log in commit order: what a rebuild and any other reader of the whole log needs. */
export interface LogInOrder {
  /**
   * At most `limit` events after `checkpoint`, in commit order, never stepping over an append that has yet to
   * commit (a later read returns it after what was returned before).
   */
  readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]>;
}

/** One of `count` disjoint shares of the log, each stream wholly in one of them. */
export interface LogPartition {
  readonly index: number;
  readonly count: number;
}

/**
 * The log as a replay reads it (a rebuild): in order after a checkpoint, up to a settled end, or split by stream
 * into partitions that can be applied side by side, each stream's events in order in one of them.
 */
export interface ReplayableLog extends LogInOrder {
  /**
   * The checkpoint of the last event a reader can take now: everything up to it is committed history that no late
   * commit can join (LOG_START for an empty log). The fixed end of a partitioned replay.
   */
  head(): Promise<LogCheckpoint>;
  /** How many events of these types the log holds now (the total a progress bar counts towards). */
  countOfTypes(types: readonly string[]): Promise<number>;
  /** At most `limit` events of one partition after `after`, in commit order, none past `upTo`. */
  readPartitionAfter(partition: LogPartition, upTo: LogCheckpoint, after: LogCheckpoint, limit: number): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/** One partition of a replayable log up to `upTo`, read as the whole log is. */
export function partitionOf(log: ReplayableLog, partition: LogPartition, upTo: LogCheckpoint): LogInOrder {
  checkPartition(partition);
  return { readAfter: (after, limit) => log.readPartitionAfter(partition, upTo, after, limit) };
}

export function checkPartition({ index, count }: LogPartition): void {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`No partition ${index} of ${count}`);
  }
}

/** A follower's checkpoint to save (its name and how far it got). */
export interface SavedCheckpoint {
  readonly reader: string;
  readonly checkpoint: LogCheckpoint;
}

/**
 * A follower of the whole log as it grows (the relay), with its checkpoint kept by the log: each look answers the
 * next events, how many committed events wait behind a transaction still open (look again soon), and saves the
 * follower's checkpoint on the way when given one.
 */
export interface LogFollower {
  follow(after: LogCheckpoint, limit: number, save?: SavedCheckpoint): Promise<{ events: RecordedEvent[]; heldBack: number }>;
  /** Where the follower stopped (LOG_START for a new one). */
  loadCheckpoint(reader: string): Promise<LogCheckpoint>;
  saveCheckpoint(reader: string, checkpoint: LogCheckpoint): Promise<void>;
}

/**
 * The event log, as the command side and the readers of the whole log see it. The database decides concurrency:
 * an append whose stream is not at its expected version is refused (StreamVersionConflict) and writes nothing;
 * every event is checked against the event contract first (EventContractViolation, nothing written).
 *
 * Implementations: PostgresEventStore (production; its tuning lives in postgres/) and InMemoryEventLog (for fast
 * tests of command handling). Both pass the same contract suite (libs/testing, eventLogContract).
 */
export interface EventLog extends LogInOrder, LogFollower {
  /** A stream's events in version order; `afterVersion` reads only those after it (a writer catching up). */
  readStream(streamId: string, options?: { afterVersion?: number }): Promise<RecordedEvent[]>;
  /** The stream's last version, NEW_STREAM when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** The answer stored with an idempotency key; IdempotencyKeyReused when the key came with another request. */
  findIdempotentResult(claim: IdempotencyClaim): Promise<AppendResult | undefined>;
  /** One stream's events, all or none, at the version the writer decided on. */
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Several streams' events in one transaction, all or none (an import; a command that also reserves): the events
   * as recorded, in log order. The first request's idempotency key, when it has one, is claimed in the same
   * transaction with the first request's result; a key already taken fails the whole append.
   */
  appendMany(requests: readonly AppendRequest[]): Promise<RecordedEvent[]>;
}
