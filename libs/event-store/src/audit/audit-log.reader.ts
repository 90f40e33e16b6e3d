import { Pool } from 'pg';
import { RecordedEvent } from '../event-envelope';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '../row-mapping';

export interface AuditFilter {
  readonly unitCode?: string;
  readonly eventType?: string;
  /** The subject of the actor who recorded the event. */
  readonly actor?: string;
  readonly correlationId?: string;
  /** Civic dates of the facts, inclusive. */
  readonly occurredFrom?: string;
  readonly occurredTo?: string;
  /** When the events were recorded (ISO timestamps), inclusive. */
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
  /** The global position after which to continue. */
  readonly afterPosition?: string;
  readonly limit: number;
}

/**
 * The event log as auditors read it: the system of record, never a read model. Filters are bound parameters;
 * results come in global position order with a position cursor.
 */
export class AuditLogReader {
  constructor(private readonly pool: Pool) {}

  async events(filter: AuditFilter): Promise<{ items: RecordedEvent[]; nextAfter: string | null }> {
    const clauses: string[] = [];
    const values: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      values.push(value);
      clauses.push(clause(`$${values.length}`));
    };
    add((p) => `unit_code = ${p}`, filter.unitCode);
    add((p) => `event_type = ${p}`, filter.eventType);
    add((p) => `metadata->'actor'->>'subject' = ${p}`, filter.actor);
    add((p) => `metadata->>'correlationId' = ${p}`, filter.correlationId);
    add((p) => `occurred_on >= ${p}::date`, filter.occurredFrom);
    add((p) => `occurred_on <= ${p}::date`, filter.occurredTo);
    add((p) => `recorded_at >= ${p}::timestamptz`, filter.recordedFrom);
    add((p) => `recorded_at <= ${p}::timestamptz`, filter.recordedTo);
    add((p) => `global_position > ${p}::bigint`, filter.afterPosition);
    values.push(filter.limit + 1);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
       ORDER BY global_position LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, filter.limit).map(toRecordedEvent);
    return { items, nextAfter: rows.length > filter.limit ? items[items.length - 1].position : null };
  }

  /** Every version of one record, oldest first, with who recorded it and from which request. */
  async stream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toRecordedEvent);
  }
}
