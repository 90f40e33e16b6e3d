import { RecordedEvent } from '@civic/event-store';
import { SqlExecutor } from '../../projection';

export type DeadLetterStatus = 'PARKED' | 'WAITING' | 'RESOLVED' | 'SKIPPED';

export interface DeadLetter {
  readonly id: string;
  readonly projection: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: DeadLetterStatus;
  readonly error: string | null;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly updatedAt: string;
}

interface DeadLetterRow {
  id: string;
  projection: string;
  stream_id: string;
  stream_version: number;
  global_position: string;
  event_id: string;
  event_type: string;
  status: DeadLetterStatus;
  error: string | null;
  attempts: number;
  first_failed_at: Date;
  updated_at: Date;
}

export const DEAD_LETTER_COLUMNS = `id::text, projection, stream_id, stream_version, global_position::text, event_id, event_type, status, error,
  attempts, first_failed_at, updated_at`;

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    projection: row.projection,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: row.global_position,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What a failure is recorded as: the error's message and code, never a stack or bound values. */
export function describeFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return (typeof code === 'string' ? `${code}: ${text}` : text).slice(0, 2000);
}

/** The open dead letters of a stream, in one place so the projector, retries and skips agree on "open". */
export const OPEN = `status IN ('PARKED', 'WAITING')`;

/**
 * Writes to the dead-letter table inside the caller's transaction (the projector's batch, a retry, a rebuild):
 * what is parked is parked atomically with the offsets and read models of the same batch.
 */
export class DeadLetterWriter {
  constructor(private readonly sql: SqlExecutor) {}

  async isBlocked(projection: string, streamId: string): Promise<boolean> {
    const { rows } = await this.sql.query(`SELECT 1 FROM projection_dead_letters WHERE projection = $1 AND stream_id = $2 AND ${OPEN} LIMIT 1`, [projection, streamId]);
    return rows.length > 0;
  }

  /** How an earlier decision settled this very event, if one did. */
  async decided(projection: string, event: RecordedEvent): Promise<DeadLetterStatus | undefined> {
    const { rows } = await this.sql.query<{ status: DeadLetterStatus }>(
      'SELECT status FROM projection_dead_letters WHERE projection = $1 AND stream_id = $2 AND stream_version = $3',
      [projection, event.streamId, event.streamVersion],
    );
    return rows[0]?.status;
  }

  async park(projection: string, event: RecordedEvent, error: unknown): Promise<void> {
    await this.upsert(projection, event, 'PARKED', describeFailure(error), 1);
  }

  async holdBehind(projection: string, event: RecordedEvent): Promise<void> {
    await this.upsert(projection, event, 'WAITING', null, 0);
  }

  private async upsert(projection: string, event: RecordedEvent, status: DeadLetterStatus, error: string | null, attempts: number): Promise<void> {
    // A redelivered event finds its row: a failure again counts an attempt; a wait stays a wait.
    await this.sql.query(
      `INSERT INTO projection_dead_letters (projection, stream_id, stream_version, global_position, event_id, event_type, event, status, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (projection, stream_id, stream_version) DO UPDATE
         SET status = EXCLUDED.status, error = coalesce(EXCLUDED.error, projection_dead_letters.error),
             attempts = projection_dead_letters.attempts + EXCLUDED.attempts, updated_at = now()
         WHERE projection_dead_letters.status <> 'SKIPPED'`,
      [projection, event.streamId, event.streamVersion, event.position, event.eventId, event.type, JSON.stringify(event), status, error, attempts],
    );
  }
}
