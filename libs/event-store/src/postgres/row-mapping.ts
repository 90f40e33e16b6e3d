import { CustomTypesConfig, types } from 'pg';
import { RecordedEvent } from '../event-envelope';

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

const JSON_OID = 114;
const JSONB_OID = 3802;

/** Type parsers that leave json and jsonb as the text Postgres sent, for readers that pass events on as JSON. */
export const JSON_AS_TEXT: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === JSON_OID || oid === JSONB_OID ? (text: string) => text : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** An event row read with JSON_AS_TEXT: data and metadata are JSON text. */
export type EventRowWithJsonText = Omit<EventRow, 'data' | 'metadata'> & { data: string; metadata: string };

/**
 * The JSON of `toRecordedEvent(row)`, written around the payload's own text: an audit page of a hundred events is
 * sent on without parsing every payload into objects and stringifying it again.
 */
export function recordedEventJson(row: EventRowWithJsonText): string {
  const text = JSON.stringify;
  return `{"eventId":${text(row.event_id)},"streamId":${text(row.stream_id)},"streamType":${text(row.stream_type)},` +
    `"streamVersion":${row.stream_version},"position":${text(row.position)},"transactionId":${text(row.transaction_text)},` +
    `"type":${text(row.event_type)},"schemaVersion":${row.schema_version},"data":${row.data},"metadata":${row.metadata},` +
    `"occurredOn":${text(row.occurred_on)},"recordedAt":${text(row.recorded_at.toISOString())},"unitCode":${text(row.unit_code)}}`;
}
