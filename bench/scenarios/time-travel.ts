import { Pool } from 'pg';
import { ALL_PROJECTIONS, commendationsProjection, meetingsProjection, movementsProjection, ReadModelSnapshots, ShadowRebuild, SNAPSHOT_SCHEMA, snapshotterPool } from '@civic/projections';
import { BenchEnvironment } from '../environment';
import { Figure, figure, nowMs, percentile } from '../measure';
import { startServices } from '../services';

/** The projector's default (SNAPSHOT_EVERY_EVENTS). */
const SNAPSHOT_EVERY_EVENTS = 2000;

/**
 * 7. Time travel: summaries as of moments spread evenly over the log's history, one request at a time, for a city
 * (Hà Nội), a district and a ward, against the same summaries live. The snapshots are first derived for the whole
 * log, as a projector meeting a log without them does (ADR 0038); how fast, and how much room they take beside
 * the read models, is reported too.
 */
export async function timeTravelScenario(
  environment: BenchEnvironment,
  database: { url: string; pool: Pool },
  moments: number,
  sample: { district: string; ward: string; year: number },
): Promise<Figure[]> {
  // The live summaries it is compared with need the read models (the rebuild scenario fills them, when it ran).
  const { rows: filled } = await database.pool.query<{ filled: boolean }>('SELECT EXISTS (SELECT 1 FROM rm_meetings) AS filled');
  if (!filled[0].filled) await new ShadowRebuild(database.url, ALL_PROJECTIONS).run();
  const snapshotPool = snapshotterPool(database.url);
  const started = nowMs();
  const taken = await new ReadModelSnapshots(snapshotPool, [meetingsProjection, commendationsProjection, movementsProjection]).catchUp({ everyEvents: SNAPSHOT_EVERY_EVENTS, maxAgeMs: 0 });
  const seconds = (nowMs() - started) / 1000;
  await snapshotPool.end();
  await database.pool.query('CHECKPOINT');
  const sizes = await storage(database.pool);

  const services = await startServices(environment, database.url, ['query-api'], 'bench-time-travel.');
  try {
    const headers = { authorization: `Bearer ${services.token}`, 'accept-encoding': 'gzip' };
    const timed = async (path: string): Promise<number> => {
      const begun = nowMs();
      const response = await fetch(`${services.urls['query-api']}${path}`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: answered ${response.status}`);
      return nowMs() - begun;
    };
    const spread = await momentsOverHistory(database.pool, moments);
    const figures: Figure[] = [
      figure('time travel: snapshots derived for the whole log', 'events/s', 'events/s', taken.events / seconds),
      figure('time travel: snapshots derived for the whole log', 'snapshots', 'snapshots', taken.snapshots),
      figure('time travel: snapshots derived for the whole log', 'storage', 'MB', sizes.snapshots, { name: 'the read models they copy (MB)', value: sizes.readModels }),
    ];
    const units: [string, string, number | undefined][] = [
      ['city summary (Hà Nội)', 'cities/01', 1000],
      [`district summary (${sample.district})`, `districts/${sample.district}`, undefined],
      [`ward summary (${sample.ward})`, `wards/${sample.ward}`, undefined],
    ];
    for (const [name, path, p99Target] of units) {
      const live: number[] = [];
      const asOf: number[] = [];
      for (const moment of spread) {
        live.push(await timed(`/v1/summaries/${path}?year=${sample.year}`));
        asOf.push(await timed(`/v1/summaries/${path}?year=${sample.year}&asOf=${encodeURIComponent(moment.toISOString())}`));
      }
      const scenario = `time travel, 1 reader, ${spread.length} moments over the log's history: ${name}`;
      const target = p99Target === undefined ? undefined : (_: unknown, v: number) => ({ text: `p99 ≤ ${p99Target} ms`, met: v <= p99Target });
      figures.push(
        figure(scenario, 'p50 latency', 'ms', percentile(asOf, 50), { name: 'the live summary p50 (ms)', value: percentile(live, 50) }),
        figure(scenario, 'p99 latency', 'ms', percentile(asOf, 99), { name: 'the live summary p99 (ms)', value: percentile(live, 99) }, target),
      );
    }
    return figures;
  } finally {
    await services.stop();
  }
}

/** `count` moments evenly spread from the first civic event's recording to the last's. */
async function momentsOverHistory(pool: Pool, count: number): Promise<Date[]> {
  const { rows } = await pool.query<{ first: Date; last: Date }>(
    `SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM events WHERE stream_type <> 'admin-unit'`,
  );
  const { first, last } = rows[0];
  const step = (last.getTime() - first.getTime()) / Math.max(1, count - 1);
  return Array.from({ length: count }, (_, i) => new Date(first.getTime() + Math.round(i * step)));
}

async function storage(pool: Pool): Promise<{ snapshots: number; readModels: number }> {
  const { rows } = await pool.query<{ snapshots: string; read_models: string }>(
    `SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind = 'r') AS snapshots,
            (SELECT sum(pg_total_relation_size(('public.' || t)::regclass)) FROM unnest($2::text[]) AS t) AS read_models`,
    [SNAPSHOT_SCHEMA, [...meetingsProjection.tables, ...commendationsProjection.tables, ...movementsProjection.tables]],
  );
  return { snapshots: Number(rows[0].snapshots) / 2 ** 20, readModels: Number(rows[0].read_models) / 2 ** 20 };
}
