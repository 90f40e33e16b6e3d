import { Pool } from 'pg';

export const EVENTS_CHANNEL = 'civic_events';
const AT_MOST_EVERY_MS = 10;

/**
 * Wakes log readers (the relay) after appends commit, at most once per 10 ms per process. A NOTIFY inside the
 * appending transaction would serialize every commit on Postgres's notification queue lock; one sent after the
 * commit, and coalesced, costs nothing per append under load and at most 10 ms of latency when idle. Readers
 * also poll, so a lost notification only delays, never loses, an event.
 */
export class CommitNotifier {
  private pending?: NodeJS.Timeout;
  private lastSentAt = 0;
  private latest = '0';

  constructor(private readonly pool: Pool) {}

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
