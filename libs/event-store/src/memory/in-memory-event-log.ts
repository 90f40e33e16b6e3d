import { NewEvent, RecordedEvent } from '../event-envelope';
import { EventContract } from '../event-contract';
import { AuditFilter, AuditLog } from '../audit-log';
import { auditPageJson, matchesAudit, UnitBelow } from './in-memory-audit';
import { AppendRequest, AppendResult, checkpointOf, checkPartition, EventLog, IdempotencyClaim, LOG_START, LogCheckpoint, LogPartition, NEW_STREAM, ReplayableLog, SavedCheckpoint } from '../event-log';
import { DuplicateEventId, IdempotencyKeyReused, StreamVersionConflict } from '../event-store.errors';

/**
 * The event log in the memory of one process, with the Postgres log's answers (the same contract suite runs on
 * both): for unit tests of command handling, which then need no database. Each append is a transaction of its own
 * and commits at once, so the log's commit order is the order of the appends.
 */
export class InMemoryEventLog implements EventLog, AuditLog, ReplayableLog {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new Set<string>();
  private readonly keys = new Map<string, { readonly requestHash: string; readonly result: AppendResult }>();
  private readonly checkpoints = new Map<string, LogCheckpoint>();
  private transactions = 0;

  /**
   * @param unitBelow The registry's answer for an audit of a unit with what lay below it; by default no unit lies
   * below another, as in a database whose registry holds no units.
   */
  constructor(
    private readonly contract: EventContract,
    private readonly unitBelow: UnitBelow = () => false,
  ) {}

  async readStream(streamId: string, { afterVersion = 0 }: { afterVersion?: number } = {}): Promise<RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).filter((event) => event.streamVersion > afterVersion);
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.at(-1)?.streamVersion ?? NEW_STREAM;
  }

  async findIdempotentResult(claim: IdempotencyClaim): Promise<AppendResult | undefined> {
    const stored = this.keys.get(keyOf(claim));
    if (!stored) return undefined;
    if (stored.requestHash !== claim.requestHash) throw new IdempotencyKeyReused(claim.key);
    return stored.result;
  }

  /** As in Postgres: the version decides first, then the events' ids, then the key (a key taken answers its first result). */
  async append(request: AppendRequest): Promise<AppendResult> {
    if (!request.events.length) throw new Error('Nothing to append');
    this.checkVersions([request]);
    const { idempotency } = request;
    if (idempotency && this.keys.has(keyOf(idempotency))) return (await this.findIdempotentResult(idempotency)) as AppendResult;
    this.checkEventIds([request]);
    const recorded = this.commit([request]);
    const result = resultOf(request, recorded);
    if (idempotency) this.keys.set(keyOf(idempotency), { requestHash: idempotency.requestHash, result });
    return result;
  }

  /** All or none, with the first request's key claimed for its result. */
  async appendMany(requests: readonly AppendRequest[]): Promise<RecordedEvent[]> {
    if (!requests.length) return [];
    this.checkVersions(requests);
    this.checkEventIds(requests);
    const [first] = requests;
    if (first.idempotency && this.keys.has(keyOf(first.idempotency))) throw new Error(`Idempotency key ${first.idempotency.key} is already taken`);
    const recorded = this.commit(requests);
    if (first.idempotency) {
      const result = resultOf(first, recorded.filter((event) => event.streamId === first.streamId));
      this.keys.set(keyOf(first.idempotency), { requestHash: first.idempotency.requestHash, result });
    }
    return recorded;
  }

  async readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    const after = BigInt(checkpoint.position);
    const start = this.log.findIndex((event) => BigInt(event.position) > after);
    return start < 0 ? [] : this.log.slice(start, start + limit);
  }

  /** Every append has committed by the time it answers: nothing is ever held back. */
  async follow(after: LogCheckpoint, limit: number, save?: SavedCheckpoint): Promise<{ events: RecordedEvent[]; heldBack: number }> {
    if (save) await this.saveCheckpoint(save.reader, save.checkpoint);
    return { events: await this.readAfter(after, limit), heldBack: 0 };
  }

  async loadCheckpoint(reader: string): Promise<LogCheckpoint> {
    return this.checkpoints.get(reader) ?? LOG_START;
  }

  async saveCheckpoint(reader: string, checkpoint: LogCheckpoint): Promise<void> {
    this.checkpoints.set(reader, checkpoint);
  }

  async head(): Promise<LogCheckpoint> {
    const last = this.log.at(-1);
    return last ? checkpointOf(last) : LOG_START;
  }

  async countOfTypes(types: readonly string[]): Promise<number> {
    return this.log.filter((event) => types.includes(event.type)).length;
  }

  async readPartitionAfter(partition: LogPartition, upTo: LogCheckpoint, after: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    checkPartition(partition);
    const [from, to] = [BigInt(after.position), BigInt(upTo.position)];
    const inRange = (event: RecordedEvent) => BigInt(event.position) > from && BigInt(event.position) <= to;
    return this.log.filter((event) => inRange(event) && partitionOfStream(event.streamId, partition.count) === partition.index).slice(0, limit);
  }

  async close(): Promise<void> {}

  async pageJson(filter: AuditFilter): Promise<string> {
    return auditPageJson(this.log.filter((event) => matchesAudit(event, filter, this.unitBelow)), filter.limit);
  }

  async unitEventCount(filter: AuditFilter): Promise<string | null> {
    if (filter.unitCode === undefined || filter.includeDescendants) return null;
    const { unitCode, occurredFrom, occurredTo } = filter;
    return String(this.log.filter((event) => matchesAudit(event, { unitCode, occurredFrom, occurredTo, limit: 0 }, this.unitBelow)).length);
  }

  async streamJson(streamId: string): Promise<string | null> {
    const versions = this.streams.get(streamId);
    return versions ? JSON.stringify({ streamId, versions }) : null;
  }

  /** The contract and the streams' versions: checked before anything is written. */
  private checkVersions(requests: readonly AppendRequest[]): void {
    for (const { events } of requests) for (const event of events) this.contract.check(event);
    const streamsSeen = new Set<string>();
    for (const { streamId, expectedVersion } of requests) {
      const current = this.streams.get(streamId)?.at(-1)?.streamVersion ?? NEW_STREAM;
      // A stream named twice in one transaction cannot see its own first rows, as in Postgres.
      if (current !== expectedVersion || streamsSeen.has(streamId)) throw new StreamVersionConflict(streamId, expectedVersion);
      streamsSeen.add(streamId);
    }
  }

  /** An event id is recorded once in the whole log. */
  private checkEventIds(requests: readonly AppendRequest[]): void {
    const ids = requests.flatMap(({ events }) => events.map((event) => event.eventId));
    const repeated = ids.find((id, index) => this.eventIds.has(id) || ids.indexOf(id) !== index);
    if (repeated) throw new DuplicateEventId(repeated);
  }

  private commit(requests: readonly AppendRequest[]): RecordedEvent[] {
    const transactionId = String((this.transactions += 1));
    const recordedAt = new Date().toISOString();
    const recorded: RecordedEvent[] = [];
    for (const { streamId, streamType, expectedVersion, events } of requests) {
      events.forEach((event: NewEvent, index) => {
        const stored = { ...event, streamId, streamType, streamVersion: expectedVersion + index + 1, position: String(this.log.length + 1), transactionId, recordedAt };
        this.log.push(stored);
        this.eventIds.add(event.eventId);
        this.streams.set(streamId, [...(this.streams.get(streamId) ?? []), stored]);
        recorded.push(stored);
      });
    }
    return recorded;
  }
}

function partitionOfStream(streamId: string, count: number): number {
  let hash = 0;
  for (let i = 0; i < streamId.length; i += 1) hash = (hash * 31 + streamId.charCodeAt(i)) | 0;
  return (hash & 0x7fffffff) % count;
}

const keyOf = ({ scope, key }: IdempotencyClaim) => `${scope}\u0000${key}`;

function resultOf(request: AppendRequest, recorded: readonly RecordedEvent[]): AppendResult {
  const last = recorded[recorded.length - 1];
  return { streamId: request.streamId, streamVersion: last.streamVersion, eventIds: request.events.map((event) => event.eventId), position: last.position };
}
