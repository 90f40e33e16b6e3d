import { ThrottlerStorage } from '@nestjs/throttler';
import { LRUCache } from 'lru-cache';
import { PeerCounts } from './shared-window-counts';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/** Callers remembered at once; the least recently seen are forgotten first (their windows have long passed). */
const MAX_TRACKED_CALLERS = 100_000;

/**
 * Rate-limit counts in constant time and memory per caller: a sliding-window counter (the current fixed window's
 * count plus the previous window's, weighted by how much of it still overlaps the last `ttl`). The throttler's own
 * in-memory storage keeps one timestamp per request and filters them all on every request, so its cost grows with
 * the limit (a 1,200-a-minute caller is 1,200 timestamps scanned per request). A caller over the limit is refused
 * for `blockDuration`, as with the built-in storage. With `peers`, the other instances' counts of the same caller
 * and windows are added to this one's (SharedWindowCounts), so the limit holds across instances.
 */
export class WindowCounterStorage implements ThrottlerStorage {
  private readonly counters = new LRUCache<string, Counter>({ max: MAX_TRACKED_CALLERS });

  constructor(
    private readonly now: () => number = Date.now,
    private readonly peers?: PeerCounts,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const counter = this.counterAt(`${throttlerName}:${key}`, ttl, now);
    const timeToExpire = Math.ceil((counter.windowStart + ttl - now) / 1000);
    if (counter.blockedUntil > now) {
      return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil((counter.blockedUntil - now) / 1000) };
    }
    const overlap = 1 - (now - counter.windowStart) / ttl;
    const caller = `${throttlerName}:${key}`;
    const [previous, current] = [
      counter.previous + (this.peers?.of(caller, counter.windowStart - ttl) ?? 0),
      counter.current + (this.peers?.of(caller, counter.windowStart) ?? 0),
    ];
    const hits = previous * overlap + current + 1;
    if (hits > limit) {
      counter.blockedUntil = now + blockDuration;
      return { totalHits: Math.ceil(hits), timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil(blockDuration / 1000) };
    }
    counter.current += 1;
    this.peers?.record(caller, counter.windowStart, counter.current);
    return { totalHits: Math.ceil(hits), timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  /** The caller's counter, moved on to the window that holds `now`. */
  private counterAt(id: string, ttl: number, now: number): Counter {
    const windowStart = now - (now % ttl);
    const counter = this.counters.get(id) ?? { windowStart, current: 0, previous: 0, blockedUntil: 0 };
    if (counter.windowStart !== windowStart) {
      counter.previous = counter.windowStart === windowStart - ttl ? counter.current : 0;
      counter.current = 0;
      counter.windowStart = windowStart;
    }
    this.counters.set(id, counter);
    return counter;
  }
}
