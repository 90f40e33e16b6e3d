import { Queryable } from '@civic/database';
import { RecordedEvent } from '@civic/event-store';

/** The part of a pg client a projection may use: inside the caller's transaction, nothing else. */
export interface SqlExecutor extends Queryable {
  /**
   * Loads rows that must be new with COPY; offered only to a replay (see withBulkLoad). A row already there fails
   * the statement instead of being passed over.
   */
  copyRows?(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /**
   * Sends a statement (parameters already in its text as literals) whose only answer is success or failure later:
   * before the next query, or with the commit. Offered only where a batch's last statements can ride with its
   * COMMIT (see deferringStatements); a failure then fails the batch as it would have at once.
   */
  sendLater?(text: string): void;
}

/** What a projection is handed with its events: the transaction they are applied in. */
export interface ProjectionContext {
  readonly sql: SqlExecutor;
}

/**
 * A read model fed by events, written once: the same `handle` runs fed by Kafka (live), by the event log (rebuild)
 * and by a time-travel replay, so "rebuilt from scratch equals live" stays testable. It runs inside a transaction
 * that also moves the runner's claims and offsets; it must not commit, and must not throw on any event that was
 * recorded. What a runner does around it (claims, batching, COPY, deferred statements, dead letters) is not its
 * concern.
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: readonly string[];
  /** The tables it writes, and nothing else does: what a rebuild or a point-in-time view recreates. */
  readonly tables: readonly string[];
  /**
   * For each of its tables without a `stream_id` column: an SQL expression naming the stream a row (called `t`)
   * belongs to, read from the projection's other tables. Every row must belong to the stream whose events made it:
   * snapshots of the read models (point-in-time/) are kept and replayed stream by stream.
   */
  readonly streamOfRow?: Readonly<Record<string, string>>;
  /**
   * Applies the events, one or many, each stream's events in their order. The events of different streams may be
   * applied in any order, as Kafka delivers them.
   */
  handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
}

/**
 * SQL for the version of a record as a projection has applied it (its stream's last version; 1 until the bookkeeping
 * row exists): the ETag of a record read by its id, and the If-Match of a command that changes it.
 */
export function projectedVersionSql(projection: string, streamColumn: string): string {
  return `coalesce((SELECT p.stream_version FROM projected_streams p WHERE p.projection = '${projection}' AND p.stream_id = ${streamColumn}), 1)`;
}
