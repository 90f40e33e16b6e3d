import { Pool } from 'pg';
import { EVENT_COLUMNS, EventRowWithJsonText, JSON_AS_TEXT, recordedEventJson } from '../row-mapping';
import { SqlFilter } from '../sql-filter';
import { AuditFilter, AuditLog } from '../../audit-log';

/**
 * The event log as auditors read it: the system of record, never a read model. Filters are bound parameters;
 * results come in global position order with a position cursor.
 */
export class AuditLogReader implements AuditLog {
  constructor(private readonly pool: Pool) {}

  /**
   * One page as JSON, `{ items: RecordedEvent[], nextAfter: string | null }` (nextAfter the cursor of the next page),
   * with each payload's text as Postgres sent it.
   */
  async pageJson(filter: AuditFilter): Promise<string> {
    const where = new SqlFilter();
    const add = (clause: (p: string) => string, value: unknown) => where.add(clause, value);
    if (filter.unitCode !== undefined && filter.includeDescendants) {
      // Units below the given one, each with the dates it lay below it: the intersection of the validity of every
      // version on the way down. An event counts if its unit was below on the event's civic date.
      add(
        (p) => `(unit_code = ${p} OR EXISTS (
          WITH RECURSIVE below(code, from_date, to_date) AS (
            SELECT code, coalesce(valid_from, '-infinity'::date), coalesce(valid_to, 'infinity'::date)
            FROM rm_unit_versions WHERE parent_code = ${p}
            UNION ALL
            SELECT v.code, greatest(b.from_date, coalesce(v.valid_from, '-infinity'::date)), least(b.to_date, coalesce(v.valid_to, 'infinity'::date))
            FROM rm_unit_versions v JOIN below b ON v.parent_code = b.code
            WHERE coalesce(v.valid_from, '-infinity'::date) <= b.to_date AND coalesce(v.valid_to, 'infinity'::date) >= b.from_date
          )
          SELECT 1 FROM below WHERE below.code = events.unit_code AND events.occurred_on BETWEEN below.from_date AND below.to_date))`,
        filter.unitCode,
      );
    } else {
      add((p) => `unit_code = ${p}`, filter.unitCode);
    }
    add((p) => `event_type = ${p}`, filter.eventType);
    add((p) => `metadata->'actor'->>'subject' = ${p}`, filter.actor);
    add((p) => `metadata->>'correlationId' = ${p}`, filter.correlationId);
    add((p) => `occurred_on >= ${p}::date`, filter.occurredFrom);
    add((p) => `occurred_on <= ${p}::date`, filter.occurredTo);
    add((p) => `recorded_at >= ${p}::timestamptz`, filter.recordedFrom);
    add((p) => `recorded_at <= ${p}::timestamptz`, filter.recordedTo);
    add((p) => `global_position > ${p}::bigint`, filter.afterPosition);
    // The page's positions first, then only those events: filtered by unit and dates, the positions come from
    // the (unit_code, occurred_on, global_position) index alone, and only the page's rows are read from the table.
    const { rows } = await this.pool.query<EventRowWithJsonText>({
      text: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position IN (
         SELECT global_position FROM events ${where} ORDER BY global_position ${where.limitOneMore(filter.limit)}
       ) ORDER BY global_position`,
      values: where.values,
      types: JSON_AS_TEXT,
    });
    const shown = rows.slice(0, filter.limit);
    const nextAfter = rows.length > filter.limit ? JSON.stringify(shown[shown.length - 1].position) : 'null';
    return `{"items":[${shown.map(recordedEventJson).join(',')}],"nextAfter":${nextAfter}}`;
  }

  /**
   * How many events the log holds for the filter's unit within its civic dates, or null when the filter is not
   * of one unit alone. The log only grows, so while this count stays the same no page of such a filter can change
   * (whatever else it filters on): a page read after the count was taken may be answered again as long as the
   * count is still the same. Read from the (unit_code, occurred_on, global_position) index alone.
   */
  async unitEventCount(filter: AuditFilter): Promise<string | null> {
    if (filter.unitCode === undefined || filter.includeDescendants) return null;
    const where = new SqlFilter()
      .add((p) => `unit_code = ${p}`, filter.unitCode)
      .add((p) => `occurred_on >= ${p}::date`, filter.occurredFrom)
      .add((p) => `occurred_on <= ${p}::date`, filter.occurredTo);
    const { rows } = await this.pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM events ${where}`, where.values);
    return rows[0].count;
  }

  /** Every version of one record, oldest first: `{ streamId, versions }` as JSON, or null when no record has that id. */
  async streamJson(streamId: string): Promise<string | null> {
    const { rows } = await this.pool.query<EventRowWithJsonText>({
      text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      values: [streamId],
      types: JSON_AS_TEXT,
    });
    return rows.length ? `{"streamId":${JSON.stringify(streamId)},"versions":[${rows.map(recordedEventJson).join(',')}]}` : null;
  }
}
