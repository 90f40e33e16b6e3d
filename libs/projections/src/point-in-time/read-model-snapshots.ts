import { Pool, PoolClient } from 'pg';
import { markingReadModelSessions, READ_MODEL_SESSION_OPTION, rollBack, survivingConnectionLoss } from '@civic/database';
import { Projection } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { BOOKKEEPING, loadStreams, LogSlice, replaySlice, shadowWithEmptyTables, streamsIn } from './snapshot-replay';
import { prepareSnapshotTables, SNAPSHOT_SCHEMA, snapshotTables, SnapshotTable } from './snapshot-tables';
import { planCuts, SnapshotCut } from './snapshot-cuts';

/** When a snapshot is due: after so many events of the projections, or when the oldest event not in one is so old. */
export interface SnapshotCadence {
  readonly everyEvents: number;
  readonly maxAgeMs: number;
}

/** Who follows a catch-up: told of each snapshot taken, and asked between two whether to stop. */
export interface CatchingUp {
  readonly onSnapshot?: (taken: SnapshotsTaken) => void;
  readonly stopped?: () => boolean;
}

export interface SnapshotsTaken {
  readonly snapshots: number;
  readonly events: number;
  /** Another snapshotter holds the lock: nothing was done. */
  readonly busy?: boolean;
}

/** The newest snapshot, or the empty one before the first (it covers nothing). */
export interface SnapshotMark {
  readonly id: number;
  readonly coversBelow: string;
  readonly coveredUntil: string | null;
}

/** One connection, a read-model session: a snapshotter writes no events and must not hold the relay back. */
export function snapshotterPool(databaseUrl: string, log: (message: string) => void = () => undefined): Pool {
  const pool = new Pool({ connectionString: databaseUrl, application_name: 'civic-snapshots', max: 1, options: READ_MODEL_SESSION_OPTION, ...markingReadModelSessions((e) => log(e.message)) });
  return survivingConnectionLoss(pool, 'civic-snapshots', log);
}

const NO_SNAPSHOT: SnapshotMark = { id: 0, coversBelow: '0', coveredUntil: null };
const SNAPSHOTTER_LOCK = `hashtext('civic-records:read-model-snapshots')`;

/**
 * Keeps snapshots of the read models, derived from the event log in its commit order (docs/adr/0038): snapshot n
 * holds what the events of every transaction below a log horizon made of the read models, computed with the
 * projections' own code from snapshot n − 1 and the events between them, stream by stream (copy on change: only
 * the rows of streams that had events are written again). Time travel (ReadModelsAt) starts from the newest
 * snapshot before the moment asked and replays only the events after it.
 *
 * Its connections must be read-model sessions: its transactions write no events, and must not hold the relay back.
 */
export class ReadModelSnapshots {
  private readonly tables: SnapshotTable[];
  private readonly runner: ProjectionRunner;
  private readonly eventTypes: string[];

  constructor(
    private readonly pool: Pool,
    projections: readonly Projection[],
  ) {
    this.tables = snapshotTables(projections);
    this.runner = new ProjectionRunner(projections);
    this.eventTypes = projections.flatMap((p) => p.eventTypes);
  }

  /**
   * Takes every snapshot that is due, oldest first: one per `everyEvents` events (at transaction boundaries), and
   * one for the rest when its oldest event is older than `maxAgeMs`. On a log without snapshots this derives them
   * for its whole history, so that every moment of it is near one.
   */
  async catchUp(cadence: SnapshotCadence, { onSnapshot, stopped = () => false }: CatchingUp = {}): Promise<SnapshotsTaken> {
    const client = await this.pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (!released) client.release(error);
      released = true;
    };
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${SNAPSHOTTER_LOCK}) AS locked`);
      if (!rows[0].locked) return { snapshots: 0, events: 0, busy: true };
      try {
        await this.inTransaction(client, () => prepareSnapshotTables(client, this.tables));
        let taken = { snapshots: 0, events: 0 };
        let previous = await this.latest(client);
        for (const cut of await planCuts(client, previous, this.eventTypes, cadence)) {
          if (stopped()) break;
          const events = await this.inTransaction(client, () => this.take(client, previous, cut));
          previous = { id: previous.id + 1, coversBelow: cut.coversBelow, coveredUntil: cut.coveredUntil };
          taken = { snapshots: taken.snapshots + 1, events: taken.events + events };
          onSnapshot?.({ snapshots: 1, events });
        }
        return taken;
      } finally {
        // A lost connection lets go of the lock by itself.
        await client.query(`SELECT pg_advisory_unlock(${SNAPSHOTTER_LOCK})`).catch(() => undefined);
      }
    } catch (error) {
      release(error as Error);
      throw error;
    } finally {
      release();
    }
  }

  /** Snapshot previous.id + 1: the rows of the streams the cut's events touched, as those events left them. */
  private async take(client: PoolClient, previous: SnapshotMark, cut: SnapshotCut): Promise<number> {
    const id = previous.id + 1;
    const slice: LogSlice = { from: previous.coversBelow, below: cut.coversBelow, eventTypes: this.eventTypes };
    const streams = await streamsIn(client, slice);
    await shadowWithEmptyTables(client, [...this.tables.map((t) => t.name), ...BOOKKEEPING]);
    await loadStreams(client, this.tables, streams, 'latest');
    const events = await replaySlice(client, this.runner, slice);
    for (const { name, streamOfRow } of this.tables) {
      const target = `${SNAPSHOT_SCHEMA}.${name}`;
      await client.query(`UPDATE ${target} SET valid_to = $1 WHERE snapshot_stream = ANY($2::text[]) AND valid_to IS NULL`, [id, streams]);
      await client.query(`INSERT INTO ${target} SELECT t.*, ${streamOfRow}, $1, NULL FROM pg_temp.${name} t`, [id]);
    }
    await client.query(
      `INSERT INTO ${SNAPSHOT_SCHEMA}.snapshots (id, covers_below, covered_until, uncovered_from, events) VALUES ($1, $2, $3, $4, $5)`,
      [id, cut.coversBelow, cut.coveredUntil, cut.uncoveredFrom, events],
    );
    return events;
  }

  private async latest(client: PoolClient): Promise<SnapshotMark> {
    const { rows } = await client.query<{ id: number; covers_below: string; covered_until: string | null }>(
      `SELECT id, covers_below::text, covered_until::text FROM ${SNAPSHOT_SCHEMA}.snapshots ORDER BY id DESC LIMIT 1`,
    );
    return rows.length ? { id: rows[0].id, coversBelow: rows[0].covers_below, coveredUntil: rows[0].covered_until } : NO_SNAPSHOT;
  }

  private async inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      const lost = await rollBack(client);
      throw lost ?? error;
    }
  }
}
