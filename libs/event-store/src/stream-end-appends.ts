import { NewEvent } from './event-envelope';
import { StreamVersionConflict } from './event-store.errors';
import { PreparedAppend, rowsOf } from './event-rows';

/**
 * Events that record facts decided on no prior state of their stream (an import, a feed from another system):
 * they go at the end of the stream, whatever its version. docs/adr/0033-appends-at-the-stream-end.md.
 */
export interface AppendAtEnd<Claim> {
  readonly streamId: string;
  readonly streamType: string;
  readonly events: readonly NewEvent[];
  readonly idempotency?: Claim;
}

/** Where one writer's events went. */
export interface EndAppendResult {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventIds: readonly string[];
  readonly position: string;
}

/** What the queue needs of the store. */
export interface StreamEndWriting<Claim> {
  /** The stream's last version, 0 when it has no events. */
  head(streamId: string): Promise<number>;
  /** Commits an append decided on its expectedVersion (StreamVersionConflict if the stream has moved); the position of each event. */
  commit(append: PreparedAppend): Promise<readonly string[]>;
  /** The same with an idempotency key, claimed by the same statement; a key already taken answers the first result. */
  commitClaiming(append: PreparedAppend, claim: Claim): Promise<EndAppendResult>;
}

interface Waiting<Claim> {
  readonly request: AppendAtEnd<Claim>;
  readonly resolve: (result: EndAppendResult) => void;
  readonly reject: (error: unknown) => void;
  /** Sent alone: it shared an append that a faulty row refused. */
  readonly alone?: boolean;
}

export interface StreamEndOptions {
  /** Events in one append at most. */
  readonly maxEvents: number;
  /** Stream heads remembered between appends, the most recently used. */
  readonly rememberedHeads: number;
  /** Times an append is decided again on a newer head when another process moved the stream, before it is refused. */
  readonly attempts: number;
}

const DEFAULTS: StreamEndOptions = { maxEvents: 100, rememberedHeads: 10_000, attempts: 10 };

/**
 * Appends at the end of their streams. A stream has one append in flight; what its writers submit meanwhile waits
 * and goes as one append at the head the previous one left, so a hot stream commits many writers' events per
 * round trip instead of one writer's per round trip, as writers deciding on a version must. The head is
 * remembered from the last commit; when another process moved the stream, the append is refused by the version
 * check as any other and decided again on the head read anew, so no version is ever taken twice or skipped.
 */
export class AppendsAtStreamEnd<Claim> {
  private readonly queues = new Map<string, Waiting<Claim>[]>();
  /** The last version each recently appended stream is known to have, oldest first (a Map keeps insertion order). */
  private readonly heads = new Map<string, number>();
  private readonly options: StreamEndOptions;

  constructor(
    private readonly writing: StreamEndWriting<Claim>,
    options: Partial<StreamEndOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  submit(request: AppendAtEnd<Claim>): Promise<EndAppendResult> {
    if (!request.events.length) return Promise.reject(new Error('Nothing to append'));
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(request.streamId);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      const started: Waiting<Claim>[] = [{ request, resolve, reject }];
      this.queues.set(request.streamId, started);
      void this.drain(request.streamId, started);
    });
  }

  /** Sends the stream's waiting appends until none is left; the queue is forgotten in the same turn it empties. */
  private async drain(streamId: string, queue: Waiting<Claim>[]): Promise<void> {
    while (queue.length) {
      let head: number;
      try {
        head = await this.headOf(streamId);
      } catch (error) {
        for (const waiting of queue.splice(0)) waiting.reject(error);
        break;
      }
      await this.send(streamId, this.take(queue), head);
    }
    this.queues.delete(streamId);
  }

  /** The oldest waiting appends that can share one append: of one stream type, up to maxEvents, a keyed one alone. */
  private take(queue: Waiting<Claim>[]): Waiting<Claim>[] {
    const first = queue[0];
    if (first.alone || first.request.idempotency !== undefined) return queue.splice(0, 1);
    let count = 1;
    let events = first.request.events.length;
    for (const next of queue.slice(1)) {
      const { request } = next;
      if (next.alone || request.idempotency !== undefined || request.streamType !== first.request.streamType) break;
      if (events + request.events.length > this.options.maxEvents) break;
      events += request.events.length;
      count += 1;
    }
    return queue.splice(0, count);
  }

  private async send(streamId: string, taken: Waiting<Claim>[], head: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const { append, parts } = this.prepare(streamId, taken, head);
      if (!parts.length) return;
      try {
        const claim = parts[0].waiting.request.idempotency;
        if (claim !== undefined) {
          const result = await this.writing.commitClaiming(append, claim);
          this.remember(streamId, Math.max(result.streamVersion, head));
          parts[0].waiting.resolve(result);
          return;
        }
        const positions = await this.writing.commit(append);
        this.remember(streamId, head + append.events.length);
        for (const part of parts) part.waiting.resolve(part.resultFrom(positions));
        return;
      } catch (error) {
        if (error instanceof StreamVersionConflict && attempt < this.options.attempts) {
          // Another process wrote the stream since its head was remembered: decide again on its head now.
          this.heads.delete(streamId);
          taken = parts.map((part) => part.waiting);
          try {
            head = await this.writing.head(streamId);
          } catch (readError) {
            for (const waiting of taken) waiting.reject(readError);
            return;
          }
          continue;
        }
        if (parts.length > 1 && !(error instanceof StreamVersionConflict)) {
          // One writer's row (an event id already in the log) fails the statement: each goes again alone, so
          // only that writer is refused.
          this.heads.delete(streamId);
          this.requeueAlone(streamId, parts.map((part) => part.waiting));
          return;
        }
        for (const part of parts) part.waiting.reject(error);
        return;
      }
    }
  }

  /**
   * One append of the writers' events at `head`, each writer's rows serialized and hashed on their own: a value
   * JSON cannot hold refuses its writer and leaves the others their versions.
   */
  private prepare(streamId: string, taken: readonly Waiting<Claim>[], head: number) {
    const { streamType } = taken[0].request;
    const at = { streamId, streamType, expectedVersion: head, events: [] };
    const parts: { waiting: Waiting<Claim>; rows: string; resultFrom: (positions: readonly string[]) => EndAppendResult }[] = [];
    const events: NewEvent[] = [];
    for (const waiting of taken) {
      const first = events.length;
      let rows: string;
      try {
        rows = rowsOf(at, waiting.request.events, head + first + 1);
      } catch (error) {
        waiting.reject(error);
        continue;
      }
      events.push(...waiting.request.events);
      const last = events.length - 1;
      parts.push({
        waiting,
        rows,
        resultFrom: (positions) => ({ streamId, streamVersion: head + last + 1, eventIds: waiting.request.events.map((e) => e.eventId), position: positions[last] }),
      });
    }
    const append: PreparedAppend = { ...at, events, rows: parts.map((part) => part.rows).join(',') };
    return { append, parts };
  }

  /** Puts writers back at the front of their stream's queue, each to be sent alone. */
  private requeueAlone(streamId: string, writers: readonly Waiting<Claim>[]): void {
    const queue = this.queues.get(streamId);
    if (!queue) throw new Error(`No queue for ${streamId} while it is being drained`);
    queue.unshift(...writers.map((waiting) => ({ ...waiting, alone: true })));
  }

  private async headOf(streamId: string): Promise<number> {
    const known = this.heads.get(streamId);
    if (known !== undefined) return known;
    return this.writing.head(streamId);
  }

  private remember(streamId: string, head: number): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.options.rememberedHeads) this.heads.delete(this.heads.keys().next().value as string);
  }
}
