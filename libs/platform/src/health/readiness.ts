/**
 * Whether a service can do its work now, with the numbers that say so. A service is live as long as it answers;
 * it is ready only when its dependencies answer and its work moves (docs/adr/0037-liveness-and-readiness.md).
 */
export interface Readiness {
  readonly ready: boolean;
  /** Why not, in words an operator acts on. */
  readonly reason?: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A service's own readiness, beyond its database answering (the relay's lead, the projector's lag). */
export type ReadinessProbe = () => Promise<Readiness>;
export const READINESS_PROBE = Symbol('READINESS_PROBE');

/** How long work may wait with no progress before a service says it is not ready (READINESS_STALL_SECONDS). */
export function stallSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.READINESS_STALL_SECONDS ?? 30);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`READINESS_STALL_SECONDS must be a positive number of seconds, not ${env.READINESS_STALL_SECONDS}`);
  return seconds;
}

/**
 * Remembers when work last moved (a checkpoint or an offset that only grows), so a probe can tell work that
 * moves, or has nothing to do, from work that waits and stalls.
 */
export class ProgressWatch {
  private done?: bigint;
  private movedAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.movedAt = now();
  }

  /** How far the work has got, and whether more waits: answers for how many seconds it has waited without moving. */
  observe(done: bigint, waiting: boolean): number {
    const now = this.now();
    if (!waiting || this.done === undefined || done > this.done) this.movedAt = now;
    this.done = this.done === undefined || done > this.done ? done : this.done;
    return waiting ? Math.floor((now - this.movedAt) / 1000) : 0;
  }
}

/** Rejects if work takes longer than `ms`: a dependency that hangs is as unready as one that refuses. */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
