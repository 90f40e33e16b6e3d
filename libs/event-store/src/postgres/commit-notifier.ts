import { Pool } from 'pg';

export const EVENTS_CHANNEL = 'civic_events';
const AT_MOST_EVERY_MS = 3;

/**
 * Wakes log readers (the relay) after appends commit, at most once per 3 ms per process. Readers also poll, so a
 * lost notification only delays, never loses, an event. The relay reads only when woken (docs/adr/0028), so this
 * window is part of every event's way to Kafka, and kept short for that (docs/performance.md, "Measurements
 * behind the code").
 *
 * The first append of a quiet spell notifies from inside its own statement (`takeStatementTurn`), which costs no
 * round trip and wakes the relay at the commit itself; the appends that commit within the window after it are
 * announced together by one query at the window's end. Only the appends that take a turn take Postgres's
 * notification lock at commit, at most one per window: a NOTIFY in every appending transaction serialized every
 * commit on that lock (docs/adr/0002; ADR 0029).
 */
export class CommitNotifier {
  private pending?: NodeJS.Timeout;
  private lastSentAt = 0;
  private latest = '0';

  constructor(private readonly pool: Pool) {}

  /**
   * Whether the append about to be sent should notify from its own statement: none has been sent, or is due to be,
   * within the window. Taking the turn counts as sending (an append that then fails wastes it: the next waits at
   * most one window).
   */
  takeStatementTurn(): boolean {
    if (this.pending || Date.now() - this.lastSentAt < AT_MOST_EVERY_MS) return false;
    this.lastSentAt = Date.now();
    return true;
  }

  /** After a commit whose statement did not notify: a notification now, or at the window's end with the others. */
  notify(position: string): void {
    this.latest = position;
    if (this.pending) return;
    const wait = Math.max(0, this.lastSentAt + AT_MOST_EVERY_MS - Date.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.lastSentAt = Date.now();
      this.pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, this.latest]).catch(() => undefined);
    }, wait);
    this.pending.unref();
  }
}
