import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** How often an instance shares its counts and hears the others'. */
export const SHARE_EVERY_MS = 1_000;

/**
 * What one instance's rate limiter knows of the others: the hits they counted per caller and window, as last heard,
 * and where it tells its own.
 */
export interface PeerCounts {
  /** Hits the other instances counted for the caller in the window that starts at `windowStart`. */
  of(caller: string, windowStart: number): number;
  /** This instance's own count for the caller's window, to be shared. */
  record(caller: string, windowStart: number, hits: number): void;
}

/**
 * Rate-limit counts shared through Postgres, without a round trip per request: each instance counts in memory, and
 * every SHARE_EVERY_MS writes its counts of the last windows (one statement) and reads the others' totals (one
 * more). A caller spreading requests over N instances is limited as on one, give or take the requests of the last
 * second. A database that does not answer leaves each instance with what it last heard, and then its own counts:
 * the limit degrades to per instance, it never refuses everything.
 */
export class SharedWindowCounts implements PeerCounts {
  readonly instance = randomUUID();
  private readonly unshared = new Map<string, { caller: string; windowStart: number; hits: number }>();
  private others = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private sharing?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly windowMs: number,
    private readonly warn: (message: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  of(caller: string, windowStart: number): number {
    return this.others.get(`${windowStart}:${caller}`) ?? 0;
  }

  record(caller: string, windowStart: number, hits: number): void {
    this.unshared.set(`${windowStart}:${caller}`, { caller, windowStart, hits });
  }

  start(): void {
    this.timer ??= setInterval(() => void this.share(), SHARE_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sharing;
  }

  /** Writes this instance's counts, forgets windows long past, and reads the others' totals (one at a time). */
  share(): Promise<void> {
    this.sharing ??= this.exchange().finally(() => (this.sharing = undefined));
    return this.sharing;
  }

  private async exchange(): Promise<void> {
    // The current window and the one before it weigh in a decision; older ones are dropped by whoever shares.
    const oldest = this.now() - 2 * this.windowMs;
    const counts = [...this.unshared.values()].filter((count) => count.windowStart >= oldest);
    this.unshared.clear();
    try {
      const { rows } = await this.pool.query<{ caller: string; window_start: string; hits: number }>(
        `WITH written AS (
           INSERT INTO rate_limit_counts (caller, window_start, instance, hits)
           SELECT caller, window_start, $3, hits FROM unnest($1::text[], $2::bigint[], $4::int[]) AS c(caller, window_start, hits)
           ON CONFLICT (caller, window_start, instance) DO UPDATE SET hits = EXCLUDED.hits
         ), forgotten AS (
           DELETE FROM rate_limit_counts WHERE window_start < $5
         )
         SELECT caller, window_start::text, sum(hits)::int AS hits FROM rate_limit_counts
         WHERE window_start >= $5 AND instance <> $3 GROUP BY caller, window_start`,
        [counts.map((c) => c.caller), counts.map((c) => c.windowStart), this.instance, counts.map((c) => c.hits), oldest],
      );
      this.others = new Map(rows.map((row) => [`${row.window_start}:${row.caller}`, row.hits]));
    } catch (error) {
      // Kept for the next exchange, unless a later count of the same window replaced it meanwhile.
      for (const count of counts) {
        const key = `${count.windowStart}:${count.caller}`;
        if (!this.unshared.has(key)) this.unshared.set(key, count);
      }
      this.warn(`rate-limit counts not shared (${(error as Error).message}); counting on this instance alone until the database answers`);
    }
  }
}
