import { Pool, PoolClient } from 'pg';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@civic/event-store';
import { rollBack } from '@civic/database';
import { Projection, SqlExecutor } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { snapshotSchemaExists, snapshotTables, SnapshotTable } from './snapshot-tables';
import { viewAsOfSnapshot } from './snapshot-view';

/** Read models as they stood at one moment, for the readers that normally read the live ones. */
export interface ReadModelView {
  readonly sql: SqlExecutor;
  /** Brings the records of these units to the moment. The live view has them already. */
  include(unitCodes: readonly string[]): Promise<void>;
}

const REPLAY_BATCH = 2000;

/** A replay for time travel ran past the deadline it was given, and was stopped (the transaction rolls back). */
export class TimeTravelOverBudget extends Error {
  constructor() {
    super('time travel ran past its deadline');
    this.name = 'TimeTravelOverBudget';
  }
}

/** Query canceled: the statement ran past statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * Time travel: what the read models said at `asOf`, computed from the event log with the same projection code
 * as the live projector. Inside one transaction, temporary tables or views named like the live ones (and so
 * shadowing them for this session only) are made to hold what was recorded up to `asOf`, then the ordinary readers
 * run on that connection; the transaction is rolled back, leaving nothing behind.
 *
 * Civic records start from the newest snapshot of the read models before `asOf` (ReadModelSnapshots) and replay
 * only the events after it, so the cost is bounded whatever the unit and the moment (docs/adr/0038). Without
 * snapshots (none taken yet, or `fromSnapshots: false`, the reference the snapshots are tested against), they are
 * replayed from the start of the log for the units asked about. The registry is replayed only when it changed
 * after `asOf` (rare: it changes by official lists).
 */
export class ReadModelsAt {
  private readonly civic: ProjectionRunner;
  private readonly registry: ProjectionRunner;
  private readonly civicTables: SnapshotTable[];
  private readonly civicEventTypes: string[];
  private readonly fromSnapshots: boolean;

  constructor(
    private readonly pool: Pool,
    private readonly civicProjections: readonly Projection[],
    private readonly registryProjection: Projection,
    { fromSnapshots = true }: { fromSnapshots?: boolean } = {},
  ) {
    this.civic = new ProjectionRunner(civicProjections);
    this.registry = new ProjectionRunner([registryProjection]);
    this.civicTables = snapshotTables(civicProjections);
    this.civicEventTypes = civicProjections.flatMap((p) => p.eventTypes);
    this.fromSnapshots = fromSnapshots;
  }

  /**
   * `deadline` (epoch ms) bounds a time-travel read: replay stops there with TimeTravelOverBudget, and no single
   * statement may run past it (statement_timeout), so one question cannot hold a connection and a core for long.
   */
  async read<T>(asOf: Date | undefined, work: (view: ReadModelView) => Promise<T>, { deadline }: { deadline?: number } = {}): Promise<T> {
    if (!asOf) return work({ sql: this.pool, include: async () => undefined });
    const client = await this.pool.connect();
    try {
      // One snapshot for the whole answer: events committed while we replay must not leak in half-way.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      if (deadline !== undefined) await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(deadline - Date.now()))}`);
      await this.shadow(client, ['projected_streams']);
      if (await this.registryChangedAfter(client, asOf)) {
        await this.shadow(client, this.registryProjection.tables);
        await this.replay(client, this.registry, this.registryProjection.eventTypes, asOf, deadline);
      }
      if (this.fromSnapshots && (await snapshotSchemaExists(client))) {
        await viewAsOfSnapshot(client, this.civicTables, this.civic, this.civicEventTypes, asOf, () => withinDeadline(deadline));
        return await work({ sql: client, include: async () => undefined });
      }
      await this.shadow(client, this.civicProjections.flatMap((p) => p.tables));
      const included = new Set<string>();
      return await work({
        sql: client,
        include: async (unitCodes) => {
          const fresh = unitCodes.filter((code) => !included.has(code));
          fresh.forEach((code) => included.add(code));
          if (fresh.length) await this.replay(client, this.civic, this.civicProjections.flatMap((p) => p.eventTypes), asOf, deadline, fresh);
        },
      });
    } catch (error) {
      throw (error as { code?: string }).code === QUERY_CANCELED ? new TimeTravelOverBudget() : error;
    } finally {
      client.release(await rollBack(client));
    }
  }

  private async shadow(client: PoolClient, tables: readonly string[]): Promise<void> {
    for (const table of tables) {
      await client.query(`CREATE TEMPORARY TABLE ${table} (LIKE public.${table} INCLUDING ALL) ON COMMIT DROP`);
    }
  }

  private async registryChangedAfter(client: PoolClient, asOf: Date): Promise<boolean> {
    const { rows } = await client.query(`SELECT 1 FROM events WHERE event_type = ANY($1) AND recorded_at > $2 LIMIT 1`, [
      this.registryProjection.eventTypes,
      asOf,
    ]);
    return rows.length > 0;
  }

  /** Applies, in log order, the events recorded up to asOf (of every stream with an event under one of the units). */
  private async replay(client: PoolClient, runner: ProjectionRunner, eventTypes: readonly string[], asOf: Date, deadline: number | undefined, unitCodes?: readonly string[]): Promise<void> {
    const streams = unitCodes ? 'AND stream_id IN (SELECT stream_id FROM events WHERE unit_code = ANY($4) AND recorded_at <= $2)' : '';
    let after = '0';
    for (;;) {
      const { rows } = await client.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE event_type = ANY($1) AND recorded_at <= $2 AND global_position > $3 ${streams}
         ORDER BY global_position LIMIT ${REPLAY_BATCH}`,
        unitCodes ? [eventTypes, asOf, after, unitCodes] : [eventTypes, asOf, after],
      );
      // Savepoints per event: a poison event is left out here as the live projector leaves it out.
      for (const [index, row] of rows.entries()) {
        if (index % 100 === 0) withinDeadline(deadline);
        await runner.apply(client, [toRecordedEvent(row)], { isolateFailures: true });
      }
      if (rows.length < REPLAY_BATCH) return;
      after = rows[rows.length - 1].position;
    }
  }
}

function withinDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && Date.now() > deadline) throw new TimeTravelOverBudget();
}
