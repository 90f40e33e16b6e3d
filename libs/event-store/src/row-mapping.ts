import { RecordedEvent } from './event-envelope';

export const EVENT_COLUMNS = `global_position::text AS position, transaction_id::text AS transaction_id, stream_id, stream_type,
  stream_version, event_id, event_type, schema_version, data, metadata, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on,
  recorded_at, unit_code`;

export interface EventRow {
  position: string;
  transaction_id: string;
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
    transactionId: row.transaction_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at.toISOString(),
    unitCode: row.unit_code,
  };
}
