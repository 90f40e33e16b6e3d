import { NewEvent } from '../event-envelope';
import { StreamAppend } from '../event-log';
import { hashedParts } from '../integrity/event-hash';
import { EVENTS_CHANNEL } from './commit-notifier';

/**
 * An append with its events already serialized and hashed: done by each writer when it submits its append, not
 * by whoever sends the batch (a value JSON cannot hold fails its own append only), and done once.
 */
export interface PreparedAppend extends StreamAppend {
  /** The events as rows of `insertText`, in order: a comma-separated run of JSON objects. */
  readonly rows: string;
}

/** The append with its rows serialized and hashed. */
export function prepareAppend<T extends StreamAppend>(append: T): T & PreparedAppend {
  return { ...append, rows: append.events.map((event, index) => rowJson(append, event, append.expectedVersion + 1 + index)).join(',') };
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
export function insertAppends(appends: readonly PreparedAppend[], returning: string, { notifying = false }: Notifying = {}): { name: string; text: string; values: unknown[] } {
  const returned = notifying ? `${returning}, ${NOTIFY_AT_COMMIT}` : returning;
  return {
    // Named, so that each connection parses and plans it once rather than on every append.
    name: `insert-appends-${returningNames.get(returned) ?? remember(returned)}`,
    text: insertText(returned),
    values: [rowsJson(appends)],
  };
}

/** Whether the statement also notifies the log's readers, delivered when its transaction commits (CommitNotifier). */
export interface Notifying {
  readonly notifying?: boolean;
}

/**
 * A notification to the log's readers, sent if the statement writes a row. Called once a row; Postgres delivers a
 * transaction's identical notifications once.
 */
const NOTIFY_AT_COMMIT = `pg_notify('${EVENTS_CHANNEL}', '') AS notified`;

/**
 * One append and its idempotency key in one statement, so that no transaction stays open between round trips
 * (an open transaction holds back every reader of the log, however busy the client is). The key is written
 * only if every event was; a key already taken fails the statement on idempotency_keys_pkey, leaving nothing.
 * Answers the result stored with the key, or none if the stream was not at the expected version.
 */
export function insertAppendClaimingKey(
  append: PreparedAppend,
  claim: { readonly scope: string; readonly key: string; readonly requestHash: string },
  { notifying = false }: Notifying = {},
): { name: string; text: string; values: unknown[] } {
  return {
    name: notifying ? 'insert-append-claiming-key-notifying' : 'insert-append-claiming-key',
    text: `WITH inserted AS (${insertText('global_position, stream_version, event_id')}),
           claimed AS (
             INSERT INTO idempotency_keys (scope, key, request_hash, result)
             SELECT $2, $3, $4, jsonb_build_object(
                      'streamId', $5::text,
                      'streamVersion', max(stream_version),
                      'eventIds', jsonb_agg(event_id ORDER BY stream_version),
                      'position', ((array_agg(global_position ORDER BY stream_version DESC))[1])::text)
             FROM inserted
             HAVING count(*) = $6
             RETURNING result)
           SELECT result${notifying ? `, ${NOTIFY_AT_COMMIT}` : ''} FROM claimed`,
    values: [rowsJson([append]), claim.scope, claim.key, claim.requestHash, append.streamId, append.events.length],
  };
}

/**
 * The rows come as one JSON parameter, which the planner takes for a hundred rows whatever it holds, and each
 * version check is a subquery of its own (OFFSET 0 keeps it one: as a join, a plan made while the log was small
 * could scan the whole log for the connection's life) that looks the stream up in its unique index.
 * So the plan is the same whatever the batch and however large the log, and each connection plans the statement
 * once (docs/adr/0021-append-planned-once.md): with arrays, whose length a plan sees, Postgres planned every
 * append anew, a third of its time at eight writers.
 */
function insertText(returning: string): string {
  return `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_on, unit_code, content_hash)
         SELECT e.stream_id, e.stream_type, e.stream_version, e.event_id, e.event_type, e.schema_version, e.data, e.metadata,
                e.occurred_on, e.unit_code, e.content_hash
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (stream_id text, stream_type text, expected_version int, stream_version int,
                event_id uuid, event_type text, schema_version int, data jsonb, metadata jsonb, occurred_on date, unit_code text,
                content_hash bytea)) WITH ORDINALITY AS e
         WHERE (e.expected_version = 0
                OR EXISTS (SELECT 1 FROM events x WHERE x.stream_id = e.stream_id AND x.stream_version = e.expected_version OFFSET 0))
           AND NOT EXISTS (SELECT 1 FROM events x WHERE x.stream_id = e.stream_id AND x.stream_version = e.expected_version + 1 OFFSET 0)
         ORDER BY e.ordinality
         RETURNING ${returning}`;
}

/** The rows of the appends, in order, as one JSON array. */
function rowsJson(appends: readonly PreparedAppend[]): string {
  return `[${appends.map((append) => append.rows).join(',')}]`;
}

/**
 * One event as a row of `insertText`. Written out by hand so that the data and metadata go in as the canonical
 * texts their hash was computed over, serialized once; every other field is a string or an integer.
 */
function rowJson(append: StreamAppend, event: NewEvent, version: number): string {
  const { hash, data, metadata } = hashedParts({ ...event, streamId: append.streamId, streamType: append.streamType, streamVersion: version });
  return (
    `{"stream_id":${text(append.streamId)},"stream_type":${text(append.streamType)},` +
    `"expected_version":${integer(append.expectedVersion)},"stream_version":${integer(version)},` +
    `"event_id":${text(event.eventId)},"event_type":${text(event.type)},"schema_version":${integer(event.schemaVersion)},` +
    `"data":${data},"metadata":${metadata},"occurred_on":${text(event.occurredOn)},"unit_code":${text(event.unitCode)},` +
    `"content_hash":"\\\\x${hash.toString('hex')}"}`
  );
}

/** A string field as JSON; a missing one as null, as JSON.stringify would have left it out. */
function text(value: string | null | undefined): string {
  return JSON.stringify(value ?? null);
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`Not an integer: ${value}`);
  return String(value);
}
