import { RecordedEvent } from '@civic/event-store';
import { Projection, SqlExecutor } from './projection';
import { DeadLetterWriter, OPEN } from './dead-letters/dead-letter-store';
import { isTransient } from './dead-letters/transient-error';

export interface ApplyOptions {
  /**
   * Run each projection of each event in a savepoint and park the events that fail (a dead letter) instead of
   * failing the transaction. Costs two round trips per event, so callers try without it first.
   */
  readonly isolateFailures?: boolean;
}

/**
 * Runs a batch the fast way first; if it fails for a reason of its own (not a lost connection or a conflict),
 * runs it again with one savepoint per event, so what cannot be applied is parked and the rest goes through.
 */
export async function applyParkingFailures<T>(run: (options: ApplyOptions) => Promise<T>): Promise<T> {
  try {
    return await run({ isolateFailures: false });
  } catch (error) {
    if (isTransient(error)) throw error;
    return run({ isolateFailures: true });
  }
}

/**
 * Applies events to every projection that wants them, each event at most once per projection: the relay
 * delivers at least once, so a stream version already applied is skipped. Streams are keyed to one partition,
 * so versions of one stream arrive in order. A stream with a parked (dead-lettered) event holds its later
 * events behind it, so a record is never projected with a version missing; other streams flow on.
 */
export class ProjectionApplier {
  constructor(private readonly projections: readonly Projection[]) {}

  projection(name: string): Projection {
    const found = this.projections.find((p) => p.name === name);
    if (!found) throw new Error(`No projection is named ${name}`);
    return found;
  }

  eventTypes(): string[] {
    return [...new Set(this.projections.flatMap((p) => p.eventTypes))];
  }

  wants(event: RecordedEvent): Projection[] {
    return this.projections.filter((p) => p.eventTypes.includes(event.type));
  }

  async apply(sql: SqlExecutor, event: RecordedEvent, { isolateFailures = false }: ApplyOptions = {}): Promise<number> {
    let applied = 0;
    for (const projection of this.wants(event)) {
      if (!isolateFailures) {
        applied += await this.applyOne(sql, projection, event);
        continue;
      }
      await sql.query('SAVEPOINT projection_event');
      try {
        applied += await this.applyOne(sql, projection, event);
        await sql.query('RELEASE SAVEPOINT projection_event');
      } catch (error) {
        await sql.query('ROLLBACK TO SAVEPOINT projection_event');
        if (isTransient(error)) throw error;
        await this.settleFailure(sql, projection, event, error);
      }
    }
    return applied;
  }

  /** Applies one event to one projection now, whatever is parked: for retries of dead letters. */
  async applyDirectly(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    await this.advance(sql, projection, event);
    await projection.apply(sql, event);
  }

  private async applyOne(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<number> {
    const { rowCount } = await sql.query(
      `INSERT INTO projected_streams (projection, stream_id, stream_version, global_position)
       SELECT $1, $2, $3, $4
       WHERE NOT EXISTS (SELECT 1 FROM projection_dead_letters WHERE projection = $1 AND stream_id = $2 AND ${OPEN})
       ON CONFLICT (projection, stream_id) DO UPDATE
         SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
         WHERE projected_streams.stream_version < EXCLUDED.stream_version`,
      [projection.name, event.streamId, event.streamVersion, event.position],
    );
    if (rowCount === 1) {
      await projection.apply(sql, event);
      return 1;
    }
    // Not applied: either applied before (a redelivery), or held behind a parked event of its stream.
    const deadLetters = new DeadLetterWriter(sql);
    if ((await deadLetters.isBlocked(projection.name, event.streamId)) && !(await deadLetters.decided(projection.name, event))) {
      await deadLetters.holdBehind(projection.name, event);
    }
    return 0;
  }

  /** A failing event an operator already skipped stays skipped (a rebuild meets it again); others are parked. */
  private async settleFailure(sql: SqlExecutor, projection: Projection, event: RecordedEvent, error: unknown): Promise<void> {
    const deadLetters = new DeadLetterWriter(sql);
    if ((await deadLetters.decided(projection.name, event)) === 'SKIPPED') await this.advance(sql, projection, event);
    else await deadLetters.park(projection.name, event, error);
  }

  /** Marks the event as dealt with for the projection without applying it (a skipped dead letter). */
  advancePast(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    return this.advance(sql, projection, event);
  }

  private async advance(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    await sql.query(
      `INSERT INTO projected_streams (projection, stream_id, stream_version, global_position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (projection, stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
       WHERE projected_streams.stream_version < EXCLUDED.stream_version`,
      [projection.name, event.streamId, event.streamVersion, event.position],
    );
  }
}
