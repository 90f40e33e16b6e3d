import { RecordedEvent } from './event-envelope';

/**
 * The columns of an event row as readers want them. Computed columns take names the table does not have, so
 * that an ORDER BY or WHERE beside them always means the table's column (an alias `transaction_id` once made
 * `ORDER BY transaction_id` sort the text: out of commit order past a power of ten).
 */
export const EVENT_COLUMNS = `global_position::text AS position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_version, event_id, event_type, schema_version, data, metadata, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on,
  recorded_at, unit_code`;

export interface EventRow {
  position: string;
  transaction_text: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
  occurred_on: string;
  recorded_at: Date;
  unit_code: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    position: row.position,
    transactionId: row.transaction_text,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at.toISOString(),
    unitCode: row.unit_code,
  };
}
