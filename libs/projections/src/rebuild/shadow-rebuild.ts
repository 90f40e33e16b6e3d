import { Pool, PoolClient } from 'pg';
import {
  checkpointOf, EVENT_COLUMNS, EventRow, GapFreeLogReader, inTransaction, LOG_START, LogCheckpoint, markReadModelSessions, READ_MODEL_SESSION_OPTION, toRecordedEvent,
} from '@civic/event-store';
import { Projection } from '../projection';
import { claimReplayedStreams, ProjectionApplier } from '../projection-applier';
import { DEAD_LETTER_LOCK } from '../dead-letters/dead-letter-operations';
import { applyInOwnTransaction } from '../rebuild-from-log';
import { copyTriggersToShadow, createShadowSchema, RETIRED_SCHEMA, SHADOW_SCHEMA } from './shadow-schema';
import { READ_MODEL_CHANGES } from '../read-model-changes/read-model-changes';

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

const BATCH = 2000;
/** Transactions applying one batch side by side: the replay waits on round trips far more than on CPU. */
const PARALLEL_APPLIERS = 4;

/** Splits events into `parts` groups by stream, keeping each stream's events together and in order. */
function byStream<T extends { streamId: string }>(events: readonly T[], parts: number): T[][] {
  const groups: T[][] = Array.from({ length: parts }, () => []);
  for (const event of events) {
    let hash = 0;
    for (let i = 0; i < event.streamId.length; i += 1) hash = (hash * 31 + event.streamId.charCodeAt(i)) | 0;
    groups[Math.abs(hash) % parts].push(event);
  }
  return groups.filter((group) => group.length);
}
const REBUILD_LOCK = `hashtext('civic-records:rebuild')`;

/**
 * Rebuilds read models from the event log without stopping anything (docs/adr/0012-zero-downtime-rebuild.md):
 * the projections run, with their ordinary code, into copies of their tables in a shadow schema while the live
 * tables keep answering; then, in one short transaction that waits for the projector's batch in flight, the
 * events that arrived meanwhile are applied to the copies and the copies take the live tables' place.
 */
export class ShadowRebuild {
  constructor(
    private readonly databaseUrl: string,
    private readonly projections: readonly Projection[],
  ) {}

  async run(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildReport> {
    const tables = this.projections.flatMap((p) => p.tables);
    const names = this.projections.map((p) => p.name);
    const eventTypes = this.projections.flatMap((p) => p.eventTypes);
    const applier = new ProjectionApplier(this.projections);
    // One pass over the log, in order, into empty tables: no event can have been applied before (see the applier).
    const replaying = new ProjectionApplier(this.projections, { replay: true });
    const admin = pool(this.databaseUrl, 'civic-rebuild');
    // The rebuild's own connections see the shadow tables first; the log and dead letters are only in public. They
    // write read models only: as read-model sessions, their long batches do not hold the relay back. Their commits do
    // not wait for the disk: a crash throws the shadow tables away anyway; the swap's commit does wait.
    const shadow = pool(this.databaseUrl, 'civic-rebuild-shadow', `-c search_path=${SHADOW_SCHEMA},public -c synchronous_commit=off ${READ_MODEL_SESSION_OPTION}`, PARALLEL_APPLIERS + 1);
    markReadModelSessions(shadow, (error) => console.error(`[civic-rebuild-shadow] could not mark a read-model session: ${error.message}`));
    const lock = await admin.connect();
    const started = Date.now();
    try {
      const { rows } = await lock.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${REBUILD_LOCK}) AS locked`);
      if (!rows[0].locked) throw new Error('Another rebuild is running; wait for it to finish');
      await this.prepareShadow(admin, tables);
      const { rows: counted } = await admin.query<{ count: string }>('SELECT count(*)::text AS count FROM events WHERE event_type = ANY($1)', [eventTypes]);
      const total = Number(counted[0].count);

      let events = 0;
      let checkpoint: LogCheckpoint = LOG_START;
      const reader = new GapFreeLogReader(admin);
      const read = (after: LogCheckpoint) => {
        const reading = reader.readAfter(after, BATCH);
        reading.catch(() => undefined); // awaited below; not an unhandled rejection if applying fails first
        return reading;
      };
      let next = read(checkpoint);
      for (;;) {
        const batch = await next;
        if (!batch.length) break;
        checkpoint = checkpointOf(batch[batch.length - 1]);
        // The next batch is read while this one is applied: reading is a third of the work.
        next = read(checkpoint);
        // Streams are independent: the batch is split by stream over parallel transactions, each stream's events
        // staying in order in one of them. The shadow tables are thrown away if anything fails. Events of other
        // read models are read (see readAfter) and skipped here.
        const wanted = batch.filter((event) => applier.wants(event).length);
        await Promise.all(byStream(wanted, PARALLEL_APPLIERS).map((part) => applyInOwnTransaction(shadow, replaying, part)));
        events += wanted.length;
        onProgress?.({ events, total, eventsPerSecond: rate(events, started) });
      }
      await inTransaction(shadow, (client) => claimReplayedStreams(client, this.projections, checkpoint));
      const swap = await this.swap(shadow, applier, tables, names, checkpoint);
      events += swap.caughtUp;
      await admin.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
      return { projections: names, events, caughtUp: swap.caughtUp, seconds: (Date.now() - started) / 1000, eventsPerSecond: rate(events, started), swapMilliseconds: swap.milliseconds };
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${REBUILD_LOCK})`).catch(() => undefined);
      lock.release();
      await shadow.end();
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
  private async swap(shadow: Pool, applier: ProjectionApplier, tables: readonly string[], names: readonly string[], after: LogCheckpoint): Promise<{ caughtUp: number; milliseconds: number }> {
    const direction = await projectedStreamsDirection(shadow, names);
    return inTransaction(shadow, async (client) => {
      await client.query(`SET LOCAL synchronous_commit = on; SELECT pg_advisory_xact_lock(${DEAD_LETTER_LOCK})`);
      const locked = Date.now();
      await client.query(`LOCK TABLE ${[...tables, 'projected_streams'].map((t) => `public.${t}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      const caughtUp = await catchUp(client, applier, after);
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
async function catchUp(client: PoolClient, applier: ProjectionApplier, after: LogCheckpoint): Promise<number> {
  let count = 0;
  let checkpoint = after;
  for (;;) {
    const { rows } = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       ORDER BY transaction_id, global_position LIMIT ${BATCH}`,
      [checkpoint.transactionId, checkpoint.position],
    );
    // Savepoints per event: the swap's transaction must not fail on a poison event. Events of other read models
    // are passed over by the applier.
    const wanted = rows.map(toRecordedEvent).filter((event) => applier.wants(event).length);
    await applier.applyAll(client, wanted, { isolateFailures: true });
    count += wanted.length;
    if (rows.length < BATCH) return count;
    checkpoint = checkpointOf(toRecordedEvent(rows[rows.length - 1]));
  }
}

function pool(connectionString: string, applicationName: string, options?: string, max = 2): Pool {
  const created = new Pool({ connectionString, application_name: applicationName, max, options });
  created.on('error', (error) => console.error(`[${applicationName}] idle database connection lost: ${error.message}`));
  return created;
}

const rate = (events: number, started: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
