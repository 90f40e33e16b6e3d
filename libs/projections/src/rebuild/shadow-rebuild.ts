import { Pool, PoolClient } from 'pg';
import { checkpointOf, inTransaction, LOG_START, LogCheckpoint, PostgresReplayLog, readCommittedAfter, ReplayableLog } from '@civic/event-store';
import { survivingConnectionLoss } from '@civic/database';
import { Projection } from '../projection';
import { claimReplayedStreams, ProjectionRunner } from '../runner/projection-runner';
import { DEAD_LETTER_LOCK } from '../runner/dead-letters/dead-letter-operations';
import { REPLAY_BATCH, replayLog, shadowPool } from './replay';
import { REPLAY_THREADS, replayInThreads } from './replay-threads';
import { copyTriggersToShadow, createShadowSchema, RETIRED_SCHEMA, SHADOW_SCHEMA } from './shadow-schema';
import { READ_MODEL_CHANGES } from '@civic/database';
import { dropSnapshots } from '../point-in-time/snapshot-tables';
import { adminUnitsProjection } from '../admin-units/admin-units.projection';

export interface RebuildProgress {
  readonly events: number;
  /** The events of the rebuilt projections in the log when the rebuild started (more may arrive). */
  readonly total: number;
  readonly eventsPerSecond: number;
}

export interface RebuildReport {
  readonly projections: readonly string[];
  readonly events: number;
  /** Of which applied while the live tables were locked for the swap. */
  readonly caughtUp: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** How long queries of the rebuilt tables waited at the swap. */
  readonly swapMilliseconds: number;
}

const REBUILD_LOCK = `hashtext('civic-records:rebuild')`;

/**
 * Rebuilds read models from the event log without stopping anything (docs/adr/0012-zero-downtime-rebuild.md):
 * the projections run, with their ordinary code, into copies of their tables in a shadow schema while the live
 * tables keep answering; then, in one short transaction that waits for the projector's batch in flight, the
 * events that arrived meanwhile are applied to the copies and the copies take the live tables' place.
 */
export class ShadowRebuild {
  private readonly threads: number;

  /** @param threads How many replay threads split the log between them (one per core, at most four, by default). */
  constructor(
    private readonly databaseUrl: string,
    private readonly projections: readonly Projection[],
    { threads = REPLAY_THREADS }: { threads?: number } = {},
  ) {
    this.threads = threads;
  }

  async run(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildReport> {
    const tables = this.projections.flatMap((p) => p.tables);
    const names = this.projections.map((p) => p.name);
    const eventTypes = this.projections.flatMap((p) => p.eventTypes);
    const runner = new ProjectionRunner(this.projections);
    // One pass over the log, in order, into empty tables: no event can have been applied before (see the runner).
    const replaying = new ProjectionRunner(this.projections, 'replay');
    const admin = pool(this.databaseUrl, 'civic-rebuild');
    const log: ReplayableLog = new PostgresReplayLog(this.databaseUrl, 'civic-rebuild-log');
    const shadow = shadowPool(this.databaseUrl, 'civic-rebuild-shadow');
    const lock = await admin.connect();
    const started = Date.now();
    try {
      const { rows } = await lock.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${REBUILD_LOCK}) AS locked`);
      if (!rows[0].locked) throw new Error('Another rebuild is running; wait for it to finish');
      await this.prepareShadow(admin, tables);
      // Counted beside the replay: the total only tells the progress bar how far there is to go.
      let total = 0;
      const counting = log.countOfTypes(eventTypes);
      counting.then((counted) => (total = counted), () => undefined);
      let events = 0;
      const progress = (applied: number) => {
        events += applied;
        onProgress?.({ events, total, eventsPerSecond: rate(events, started) });
      };
      // The log as it stands is split by stream over replay threads; what arrives meanwhile is replayed here after.
      const head = await log.head();
      await replayInThreads({ databaseUrl: this.databaseUrl, projections: names, from: LOG_START, upTo: head }, this.threads, progress);
      const { checkpoint } = await replayLog(log, head, shadow, replaying, progress);
      await claimReplayedStreams(shadow, this.projections, checkpoint, { after: head });
      await counting;
      // Tables just filled have no statistics: the planner would guess until autovacuum analyzes them (never, where
      // it is off). They are swapped in with theirs; ANALYZE samples, about 2.5 s for a 1M-event log's tables.
      await admin.query(`ANALYZE ${[...tables, 'projected_streams'].map((table) => `${SHADOW_SCHEMA}.${table}`).join(', ')}`);
      const swap = await this.swap(shadow, runner, tables, names, checkpoint);
      events += swap.caughtUp;
      // Snapshots were derived by the projection code that ran before: the snapshotter derives them again (ADR 0038).
      if (this.projections.some((p) => p !== adminUnitsProjection)) await dropSnapshots(admin);
      await admin.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
      return { projections: names, events, caughtUp: swap.caughtUp, seconds: (Date.now() - started) / 1000, eventsPerSecond: rate(events, started), swapMilliseconds: swap.milliseconds };
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${REBUILD_LOCK})`).catch(() => undefined);
      lock.release();
      await Promise.all([shadow.end(), log.close()]);
      await admin.end();
    }
  }

  /** A clean shadow schema (a crashed rebuild may have left one) with empty copies of the tables. */
  private async prepareShadow(admin: Pool, tables: readonly string[]): Promise<void> {
    await inTransaction(admin, async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
      await createShadowSchema(client, tables);
    });
  }

  /**
   * Waits for the projector's batch in flight and holds the next one (the dead-letter lock, taken alone), locks
   * the live tables (queries of them wait, none fails), applies to the copies every event committed since the
   * checkpoint, and moves the copies in. The projector then resumes on the new tables; what it applies again is
   * skipped by the projected-streams guard.
   */
  private async swap(shadow: Pool, runner: ProjectionRunner, tables: readonly string[], names: readonly string[], after: LogCheckpoint): Promise<{ caughtUp: number; milliseconds: number }> {
    const direction = await projectedStreamsDirection(shadow, names);
    return inTransaction(shadow, async (client) => {
      await client.query(`SET LOCAL synchronous_commit = on; SELECT pg_advisory_xact_lock(${DEAD_LETTER_LOCK})`);
      const locked = Date.now();
      await client.query(`LOCK TABLE ${[...tables, 'projected_streams'].map((t) => `public.${t}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      const caughtUp = await catchUp(client, runner, after);
      await copyTriggersToShadow(client, tables);
      await client.query(`CREATE SCHEMA ${RETIRED_SCHEMA}`);
      for (const table of tables) {
        await client.query(`ALTER TABLE public.${table} SET SCHEMA ${RETIRED_SCHEMA}`);
        await client.query(`ALTER TABLE ${SHADOW_SCHEMA}.${table} SET SCHEMA public`);
      }
      await moveProjectedStreams(client, names, direction);
      await client.query(`SELECT pg_notify('${READ_MODEL_CHANGES}', '*')`);
      return { caughtUp, milliseconds: Date.now() - locked };
    });
  }
}

type ProjectedStreamsMove = 'swap-table' | 'copy-rebuilt-rows';

/**
 * How the rebuilt projections' stream versions will replace theirs in the live bookkeeping, chosen before the lock
 * (it decides only what is copied while queries wait): the smaller side is copied. A full rebuild swaps the table,
 * copying the rows of projections not rebuilt (none); rebuilding one projection of many copies its own rows.
 */
async function projectedStreamsDirection(shadow: Pool, names: readonly string[]): Promise<ProjectedStreamsMove> {
  const { rows } = await shadow.query<{ others: string; rebuilt: string }>(
    `SELECT (SELECT count(*) FROM public.projected_streams WHERE projection <> ALL($1)) AS others,
            (SELECT count(*) FROM ${SHADOW_SCHEMA}.projected_streams) AS rebuilt`,
    [names],
  );
  return Number(rows[0].others) <= Number(rows[0].rebuilt) ? 'swap-table' : 'copy-rebuilt-rows';
}

async function moveProjectedStreams(client: PoolClient, names: readonly string[], move: ProjectedStreamsMove): Promise<void> {
  if (move === 'swap-table') {
    await client.query(`INSERT INTO ${SHADOW_SCHEMA}.projected_streams SELECT * FROM public.projected_streams WHERE projection <> ALL($1)`, [names]);
    await client.query(`ALTER TABLE public.projected_streams SET SCHEMA ${RETIRED_SCHEMA}`);
    await client.query(`ALTER TABLE ${SHADOW_SCHEMA}.projected_streams SET SCHEMA public`);
    return;
  }
  await client.query('DELETE FROM public.projected_streams WHERE projection = ANY($1)', [names]);
  await client.query(`INSERT INTO public.projected_streams SELECT * FROM ${SHADOW_SCHEMA}.projected_streams`);
}

/**
 * Every event committed after the checkpoint, not only those below the oldest running transaction: with the
 * projector held, whatever it applied is committed and visible here, and whatever commits later it will apply.
 */
async function catchUp(client: PoolClient, runner: ProjectionRunner, after: LogCheckpoint): Promise<number> {
  let count = 0;
  let checkpoint = after;
  for (;;) {
    const events = await readCommittedAfter(client, checkpoint, REPLAY_BATCH);
    // Savepoints per event: the swap's transaction must not fail on a poison event. Events of other read models
    // are passed over by the runner.
    const wanted = events.filter((event) => runner.wants(event).length);
    await runner.apply(client, wanted, { isolateFailures: true });
    count += wanted.length;
    if (events.length < REPLAY_BATCH) return count;
    checkpoint = checkpointOf(events[events.length - 1]);
  }
}

function pool(connectionString: string, applicationName: string): Pool {
  return survivingConnectionLoss(new Pool({ connectionString, application_name: applicationName, max: 3 }), applicationName);
}

const rate = (events: number, started: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
