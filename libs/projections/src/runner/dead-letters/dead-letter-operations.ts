import { Pool, PoolClient } from 'pg';
import { inTransaction, RecordedEvent } from '@civic/event-store';
import { ProjectionRunner } from '../projection-runner';
import { DEAD_LETTER_COLUMNS, DeadLetter, DeadLetterStatus, describeFailure, OPEN, toDeadLetter } from './dead-letter-store';
import { isTransient } from './transient-error';

/**
 * Operators and the projector take turns on dead letters: each projector batch holds this lock shared, a retry
 * or a skip holds it alone, so no batch can hold an event behind a parked one that is being resolved.
 */
export const DEAD_LETTER_LOCK = `hashtext('civic-records:projection_dead_letters')`;

export interface DeadLetterFilter {
  readonly projection?: string;
  /** Open ones (PARKED, WAITING) when left out. */
  readonly statuses?: readonly DeadLetterStatus[];
  readonly limit?: number;
}

export interface DeadLetterAction {
  readonly action: 'RETRY' | 'SKIP';
  readonly actor: string;
  readonly reason: string | null;
  readonly outcome: string;
  readonly actedAt: string;
}

export interface Resolution {
  readonly applied: number;
  /** The event that failed again, if one did; it and those after it stay open. */
  readonly failed: DeadLetter | null;
  readonly outcome: string;
}

/** Listing, retrying and skipping dead letters (`npm run cli -- dead-letters`). Every decision is recorded. */
export class DeadLetterOperations {
  constructor(
    private readonly pool: Pool,
    private readonly runner: ProjectionRunner,
  ) {}

  async list({ projection, statuses = ['PARKED', 'WAITING'], limit = 100 }: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM projection_dead_letters
       WHERE status = ANY($1) AND ($2::text IS NULL OR projection = $2) ORDER BY id LIMIT $3`,
      [statuses, projection ?? null, limit],
    );
    return rows.map(toDeadLetter);
  }

  async actions(deadLetterId: string): Promise<DeadLetterAction[]> {
    const { rows } = await this.pool.query<{ action: 'RETRY' | 'SKIP'; actor: string; reason: string | null; outcome: string; acted_at: Date }>(
      'SELECT action, actor, reason, outcome, acted_at FROM projection_dead_letter_actions WHERE dead_letter_id = $1 ORDER BY id',
      [deadLetterId],
    );
    return rows.map((r) => ({ action: r.action, actor: r.actor, reason: r.reason, outcome: r.outcome, actedAt: r.acted_at.toISOString() }));
  }

  /** Applies the stream's parked event again, then the events waiting behind it, in order, as far as they go. */
  retry(deadLetterId: string, actor: string): Promise<Resolution> {
    return this.onStreamOf(deadLetterId, async (client, parked) => {
      const resolution = await this.drain(client, parked.projection, parked.streamId);
      await this.record(client, deadLetterId, 'RETRY', actor, null, resolution.outcome);
      return resolution;
    });
  }

  /** Gives up on the parked event (it stays in the log, unprojected), then applies those waiting behind it. */
  skip(deadLetterId: string, actor: string, reason: string): Promise<Resolution> {
    if (!reason.trim()) throw new Error('Say why the event is skipped: the reason is kept with the decision');
    return this.onStreamOf(deadLetterId, async (client, parked) => {
      if (parked.id !== deadLetterId) throw new Error(`Dead letter ${deadLetterId} is waiting behind ${parked.id}; skip that one, or retry`);
      const event = await this.eventOf(client, deadLetterId);
      await client.query(`UPDATE projection_dead_letters SET status = 'SKIPPED', updated_at = now() WHERE id = $1`, [deadLetterId]);
      await this.runner.skip(client, this.runner.projection(parked.projection), event);
      const drained = await this.drain(client, parked.projection, parked.streamId);
      const outcome = `skipped version ${parked.streamVersion}; ${drained.outcome}`;
      await this.record(client, deadLetterId, 'SKIP', actor, reason, outcome);
      return { ...drained, outcome };
    });
  }

  /** Runs work on the first open dead letter of the stream `deadLetterId` belongs to, alone and in one transaction. */
  private async onStreamOf(deadLetterId: string, work: (client: PoolClient, parked: DeadLetter) => Promise<Resolution>): Promise<Resolution> {
    return inTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${DEAD_LETTER_LOCK})`);
      const { rows } = await client.query(
        `SELECT ${DEAD_LETTER_COLUMNS} FROM projection_dead_letters
         WHERE (projection, stream_id) = (SELECT projection, stream_id FROM projection_dead_letters WHERE id = $1) AND ${OPEN}
         ORDER BY stream_version LIMIT 1`,
        [deadLetterId],
      );
      if (!rows.length) throw new Error(`Dead letter ${deadLetterId} does not exist or its stream has nothing open`);
      return work(client, toDeadLetter(rows[0]));
    });
  }

  private async drain(client: PoolClient, projectionName: string, streamId: string): Promise<Resolution> {
    const projection = this.runner.projection(projectionName);
    const { rows } = await client.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM projection_dead_letters WHERE projection = $1 AND stream_id = $2 AND ${OPEN} ORDER BY stream_version`,
      [projectionName, streamId],
    );
    let applied = 0;
    for (const letter of rows.map(toDeadLetter)) {
      const event = await this.eventOf(client, letter.id);
      await client.query('SAVEPOINT dead_letter');
      try {
        await this.runner.retry(client, projection, event);
        await client.query(`RELEASE SAVEPOINT dead_letter`);
        await client.query(`UPDATE projection_dead_letters SET status = 'RESOLVED', updated_at = now() WHERE id = $1`, [letter.id]);
        applied += 1;
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT dead_letter');
        if (isTransient(error)) throw error;
        const { rows: failed } = await client.query(
          `UPDATE projection_dead_letters SET status = 'PARKED', error = $2, attempts = attempts + 1, updated_at = now() WHERE id = $1
           RETURNING ${DEAD_LETTER_COLUMNS}`,
          [letter.id, describeFailure(error)],
        );
        return { applied, failed: toDeadLetter(failed[0]), outcome: `applied ${applied}; version ${letter.streamVersion} failed again: ${describeFailure(error)}` };
      }
    }
    return { applied, failed: null, outcome: `applied ${applied}; the stream is flowing again` };
  }

  private async eventOf(client: PoolClient, deadLetterId: string): Promise<RecordedEvent> {
    const { rows } = await client.query<{ event: RecordedEvent }>('SELECT event FROM projection_dead_letters WHERE id = $1', [deadLetterId]);
    return rows[0].event;
  }

  private async record(client: PoolClient, deadLetterId: string, action: 'RETRY' | 'SKIP', actor: string, reason: string | null, outcome: string): Promise<void> {
    await client.query('INSERT INTO projection_dead_letter_actions (dead_letter_id, action, actor, reason, outcome) VALUES ($1, $2, $3, $4, $5)', [
      deadLetterId,
      action,
      actor,
      reason,
      outcome,
    ]);
  }
}
