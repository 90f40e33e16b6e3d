import { Pool, PoolClient } from 'pg';
import { NewEvent, RecordedEvent } from './event-envelope';
import { IdempotencyKeyReused, StreamVersionConflict } from './event-store.errors';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';
import { contentHash } from './integrity/event-hash';
import { CommitNotifier } from './commit-notifier';

export { EVENTS_CHANNEL } from './commit-notifier';

/** What a successful append answers; stored with an idempotency key so a retry gets the same answer. */
export interface AppendResult {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventIds: readonly string[];
  readonly position: string;
}

export interface IdempotencyClaim {
  /** Who and what the key is for (route and caller): keys of different callers never collide. */
  readonly scope: string;
  readonly key: string;
  /** A digest of the request; the same key with another request is refused. */
  readonly requestHash: string;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly streamType: string;
  /** The version the decision was made on; 0 for a stream that does not exist yet. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
  readonly idempotency?: IdempotencyClaim;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Appends and reads streams. The database decides concurrency: UNIQUE(stream_id, stream_version) refuses the
 * second writer of a version, and that refusal becomes a StreamVersionConflict. Nothing is pre-checked with
 * SELECT max(version).
 */
export class PostgresEventStore {
  private readonly notifier: CommitNotifier;

  constructor(private readonly pool: Pool) {
    this.notifier = new CommitNotifier(pool);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  /** The result stored for an idempotency key, if the same request was already accepted. */
  async findIdempotentResult(claim: IdempotencyClaim): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<{ request_hash: string; result: AppendResult }>(
      'SELECT request_hash, result FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [claim.scope, claim.key],
    );
    if (!rows.length) return undefined;
    if (rows[0].request_hash !== claim.requestHash) throw new IdempotencyKeyReused(claim.key);
    return rows[0].result;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    if (!request.events.length) throw new Error('Nothing to append');
    if (request.idempotency) return this.appendClaimingKey(request, request.idempotency);
    // Without an idempotency key the INSERT is the whole transaction: one statement, one round trip, atomic.
    try {
      const result = await this.insertEvents(this.pool, request);
      this.notifier.notify(result.position);
      return result;
    } catch (error) {
      throw translate(error, request);
    }
  }

  /** The events and the idempotency key in one transaction: a retry finds the key, a race leaves nothing behind. */
  private async appendClaimingKey(request: AppendRequest, claim: IdempotencyClaim): Promise<AppendResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.insertEvents(client, request);
      if (!(await this.claimKey(client, claim, result))) {
        // A concurrent request with the same key committed first: ours must leave nothing behind.
        await client.query('ROLLBACK');
        const first = await this.findIdempotentResult(claim);
        if (!first) throw new Error(`Idempotency key ${claim.key} vanished`);
        return first;
      }
      await client.query('COMMIT');
      this.notifier.notify(result.position);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw translate(error, request);
    } finally {
      client.release();
    }
  }

  /**
   * Appends to many streams in one transaction, all or nothing (an import of an official list). `expectedVersion`
   * of each request is checked against the log inside the transaction; the UNIQUE constraint still decides any
   * race. `alsoInTransaction` runs with the recorded events before commit (inline projections).
   */
  async appendToStreams(
    requests: readonly AppendRequest[],
    alsoInTransaction: (sql: PoolClient, recorded: readonly RecordedEvent[]) => Promise<void> = async () => undefined,
  ): Promise<RecordedEvent[]> {
    if (!requests.length) return [];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: versions } = await client.query<{ stream_id: string; version: number }>(
        'SELECT stream_id, max(stream_version) AS version FROM events WHERE stream_id = ANY($1) GROUP BY stream_id',
        [requests.map((r) => r.streamId)],
      );
      const current = new Map(versions.map((row) => [row.stream_id, row.version]));
      const flat = requests.flatMap((request) => {
        if ((current.get(request.streamId) ?? 0) !== request.expectedVersion) {
          throw new StreamVersionConflict(request.streamId, request.expectedVersion);
        }
        return request.events.map((event, index) => ({ request, event, version: request.expectedVersion + index + 1 }));
      });
      const { rows } = await client.query<EventRow>(
        `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_on, unit_code, content_hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[],
                              $8::jsonb[], $9::date[], $10::text[], $11::bytea[])
         RETURNING ${EVENT_COLUMNS}`,
        [
          flat.map((f) => f.request.streamId),
          flat.map((f) => f.request.streamType),
          flat.map((f) => f.version),
          flat.map((f) => f.event.eventId),
          flat.map((f) => f.event.type),
          flat.map((f) => f.event.schemaVersion),
          flat.map((f) => JSON.stringify(f.event.data)),
          flat.map((f) => JSON.stringify(f.event.metadata)),
          flat.map((f) => f.event.occurredOn),
          flat.map((f) => f.event.unitCode),
          flat.map((f) => contentHash({ ...f.event, streamId: f.request.streamId, streamType: f.request.streamType, streamVersion: f.version })),
        ],
      );
      const recorded = rows.map(toRecordedEvent).sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
      await alsoInTransaction(client, recorded);
      await client.query('COMMIT');
      this.notifier.notify(recorded[recorded.length - 1].position);
      return recorded;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_unique') {
        throw new StreamVersionConflict('(one of the streams)', -1);
      }
      throw error;
    } finally {
      client.release();
    }
  }

  private async insertEvents(client: Pool | PoolClient, request: AppendRequest): Promise<AppendResult> {
    const { streamId, streamType, expectedVersion, events } = request;
    // The stream must really be at expectedVersion: the UNIQUE constraint catches a writer that is behind,
    // this guard catches a caller that is ahead (which would otherwise leave a gap in the versions).
    const { rows } = await client.query<{ position: string; stream_version: number }>(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                           occurred_on, unit_code, content_hash)
       SELECT $1, $2, $3::int + e.ordinal, e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.occurred_on,
              e.unit_code, e.content_hash
       FROM unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::date[], $10::text[], $11::bytea[])
            WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, occurred_on, unit_code, content_hash, ordinal)
       WHERE $3::int = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1 AND stream_version = $3::int)
       ORDER BY e.ordinal
       RETURNING global_position::text AS position, stream_version`,
      [
        streamId,
        streamType,
        expectedVersion,
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.occurredOn),
        events.map((e) => e.unitCode),
        events.map((e, index) => contentHash({ ...e, streamId, streamType, streamVersion: expectedVersion + index + 1 })),
      ],
    );
    if (rows.length !== events.length) throw new StreamVersionConflict(streamId, expectedVersion);
    const last = rows.reduce((a, b) => (b.stream_version > a.stream_version ? b : a));
    return {
      streamId,
      streamVersion: last.stream_version,
      eventIds: events.map((e) => e.eventId),
      position: last.position,
    };
  }

  private async claimKey(client: PoolClient, claim: IdempotencyClaim, result: AppendResult): Promise<boolean> {
    const { rowCount } = await client.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, result) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope, key) DO NOTHING`,
      [claim.scope, claim.key, claim.requestHash, JSON.stringify(result)],
    );
    return rowCount === 1;
  }
}

function translate(error: unknown, request: AppendRequest): unknown {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_unique') {
    return new StreamVersionConflict(request.streamId, request.expectedVersion);
  }
  return error;
}
