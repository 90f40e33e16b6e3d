/** What became of one request of a batch: its own answer or its own refusal. */
export type Outcome<Result> = { readonly ok: true; readonly result: Result } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions {
  /** Batches being committed at once; a request that finds one free is sent at once, alone if need be. */
  readonly maxInFlight: number;
  /** Requests in one batch at most. */
  readonly maxBatch: number;
}

/** How requests are committed together, and what the queue may know of them. */
export interface Batching<Request, Result> {
  /** Commits a batch in one transaction; an answer per request, in the batch's order. */
  commit(batch: readonly Request[]): Promise<readonly Outcome<Result>[]>;
  /** Requests with the same key (the same stream) never share a batch. */
  keyOf(request: Request): string;
  /**
   * The error a waiting request is certain to meet now that another of its key committed (it decided on a
   * version the stream has left), answered without a round trip; undefined while it may still succeed.
   */
  refusalAfter(waiting: Request, committed: Result): unknown;
}

interface Waiting<Request, Result> {
  readonly request: Request;
  readonly key: string;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit (docs/adr/0015): requests that arrive while every batch slot is busy wait and go together in the
 * next transaction, so a commit (a WAL flush, a round trip) is paid once for many writers. Nothing waits on a
 * timer: under light load each request is sent alone the moment it arrives, as before.
 *
 * Two requests with the same key (the same stream) never share a batch: they would decide the same version,
 * and the loser's conflict must not cost the other requests of its batch their commit. Nor are two of a key in
 * flight at once: the second waits for the first's answer, then is refused without a round trip if the first
 * moved its stream past it, or is sent. Sent together, it would wait on the first's row lock in Postgres and then
 * fail there (docs/adr/0026-failed-statements-keep-their-connection.md).
 */
export class GroupCommit<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];
  private inFlight = 0;
  /** Keys with a request being committed: the next request of a key waits for its answer. */
  private readonly keysInFlight = new Set<string>();

  constructor(
    private readonly batching: Batching<Request, Result>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, key: this.batching.keyOf(request), resolve, reject });
      this.sendWhileFree();
    });
  }

  private sendWhileFree(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length) {
      const batch = this.takeBatch();
      if (!batch.length) return;
      this.send(batch);
    }
  }

  /** The oldest waiting requests, one per key, in arrival order; the rest keep their place. */
  private takeBatch(): Waiting<Request, Result>[] {
    const batch: Waiting<Request, Result>[] = [];
    const keys = new Set<string>();
    const left: Waiting<Request, Result>[] = [];
    for (const waiting of this.waiting) {
      if (batch.length < this.options.maxBatch && !keys.has(waiting.key) && !this.keysInFlight.has(waiting.key)) {
        keys.add(waiting.key);
        batch.push(waiting);
      } else {
        left.push(waiting);
      }
    }
    this.waiting = left;
    return batch;
  }

  private refuseStale(key: string, committed: Result): void {
    this.waiting = this.waiting.filter((waiting) => {
      if (waiting.key !== key) return true;
      const refusal = this.batching.refusalAfter(waiting.request, committed);
      if (refusal === undefined) return true;
      waiting.reject(refusal);
      return false;
    });
  }

  private send(batch: readonly Waiting<Request, Result>[]): void {
    this.inFlight += 1;
    for (const w of batch) this.keysInFlight.add(w.key);
    this.batching
      .commit(batch.map((w) => w.request))
      .then(
        (outcomes) =>
          batch.forEach((w, i) => {
            const outcome = outcomes[i] ?? { ok: false, error: new Error('The batch gave no answer for this request') };
            settle(w, outcome);
            if (outcome.ok) this.refuseStale(w.key, outcome.result);
          }),
        (error) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.inFlight -= 1;
        for (const w of batch) this.keysInFlight.delete(w.key);
        this.sendWhileFree();
      });
  }
}

function settle<Request, Result>(waiting: Waiting<Request, Result>, outcome: Outcome<Result>): void {
  if (outcome.ok) waiting.resolve(outcome.result);
  else waiting.reject(outcome.error);
}
