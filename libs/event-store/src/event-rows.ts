import { NewEvent } from './event-envelope';
import { contentHash } from './integrity/event-hash';

/** One append: events for one stream, decided on `expectedVersion`. */
export interface StreamAppend {
  readonly streamId: string;
  readonly streamType: string;
  /** The version the decision was made on; 0 for a stream that does not exist yet. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
}

/** A statement name per RETURNING list: the same name must always mean the same text on a connection. */
const returningNames = new Map<string, number>();
function remember(returning: string): number {
  returningNames.set(returning, returningNames.size);
  return returningNames.size - 1;
}

/**
 * One INSERT for the events of any number of appends, in the given order. The rows of an append whose stream is
 * not at its expected version, ahead or behind, are not inserted (the caller counts what came back), so one
 * stale append does not fail the statement for the others. UNIQUE(stream_id, stream_version) still decides a
 * race with a writer not yet committed.
 */
export function insertAppends(appends: readonly StreamAppend[], returning: string): { name: string; text: string; values: unknown[] } {
  return {
    // Named, so that each connection parses and plans it once rather than on every append.
    name: `insert-appends-${returningNames.get(returning) ?? remember(returning)}`,
    text: insertText(returning),
    values: rowValues(appends),
  };
}

/**
 * One append and its idempotency key in one statement, so that no transaction stays open between round trips
 * (an open transaction holds back every reader of the log, however busy the client is). The key is written
 * only if every event was; a key already taken fails the statement on idempotency_keys_pkey, leaving nothing.
 * Answers the result stored with the key, or none if the stream was not at the expected version.
 */
export function insertAppendClaimingKey(
  append: StreamAppend,
  claim: { readonly scope: string; readonly key: string; readonly requestHash: string },
): { name: string; text: string; values: unknown[] } {
  return {
    name: 'insert-append-claiming-key',
    text: `WITH inserted AS (${insertText('global_position, stream_version')}),
           claimed AS (
             INSERT INTO idempotency_keys (scope, key, request_hash, result)
             SELECT $13, $14, $15, jsonb_build_object(
                      'streamId', $16::text,
                      'streamVersion', max(stream_version),
                      'eventIds', to_jsonb($5::uuid[]),
                      'position', ((array_agg(global_position ORDER BY stream_version DESC))[1])::text)
             FROM inserted
             HAVING count(*) = $17
             RETURNING result)
           SELECT result FROM claimed`,
    values: [...rowValues([append]), claim.scope, claim.key, claim.requestHash, append.streamId, append.events.length],
  };
}

function insertText(returning: string): string {
  return `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_on, unit_code, content_hash)
         SELECT e.stream_id, e.stream_type, e.stream_version, e.event_id, e.event_type, e.schema_version, e.data, e.metadata,
                e.occurred_on, e.unit_code, e.content_hash
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[],
                     $10::date[], $11::text[], $12::bytea[])
              WITH ORDINALITY AS e(stream_id, stream_type, expected_version, stream_version, event_id, event_type, schema_version,
                                   data, metadata, occurred_on, unit_code, content_hash, ordinal)
         WHERE (e.expected_version = 0
                OR EXISTS (SELECT 1 FROM events x WHERE x.stream_id = e.stream_id AND x.stream_version = e.expected_version))
           AND NOT EXISTS (SELECT 1 FROM events x WHERE x.stream_id = e.stream_id AND x.stream_version = e.expected_version + 1)
         ORDER BY e.ordinal
         RETURNING ${returning}`;
}

function rowValues(appends: readonly StreamAppend[]): unknown[] {
  const rows = appends.flatMap((append) => append.events.map((event, index) => ({ append, event, version: append.expectedVersion + index + 1 })));
  return [
    rows.map((r) => r.append.streamId),
    rows.map((r) => r.append.streamType),
    rows.map((r) => r.append.expectedVersion),
    rows.map((r) => r.version),
    rows.map((r) => r.event.eventId),
    rows.map((r) => r.event.type),
    rows.map((r) => r.event.schemaVersion),
    rows.map((r) => JSON.stringify(r.event.data)),
    rows.map((r) => JSON.stringify(r.event.metadata)),
    rows.map((r) => r.event.occurredOn),
    rows.map((r) => r.event.unitCode),
    rows.map((r) => contentHash({ ...r.event, streamId: r.append.streamId, streamType: r.append.streamType, streamVersion: r.version })),
  ];
}
