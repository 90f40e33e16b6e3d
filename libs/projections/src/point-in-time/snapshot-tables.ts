import { Projection, SqlExecutor } from '../projection';

/**
 * Where the snapshots of the read models live: derived data, like the read models, dropped and derived again from
 * the log whenever their shape no longer matches the live tables' (a migration) or a rebuild asks for it.
 */
export const SNAPSHOT_SCHEMA = 'civic_snapshots';

/** One read-model table as snapshots keep it. */
export interface SnapshotTable {
  readonly name: string;
  /** SQL naming the stream of a row `t` of the live (or shadowing) table. */
  readonly streamOfRow: string;
}

/** The tables of the projections, each with how to tell the stream of its rows. */
export function snapshotTables(projections: readonly Projection[]): SnapshotTable[] {
  return projections.flatMap((projection) =>
    projection.tables.map((name) => ({ name, streamOfRow: projection.streamOfRow?.[name] ?? 't.stream_id' })),
  );
}

/**
 * Each snapshot table holds the live table's columns plus: the stream of the row, and the snapshots it is valid
 * in, from `valid_from` to before `valid_to` (open: still valid). Copy on change: a snapshot writes new versions of
 * the rows of the streams it changed, and closes their previous versions; the rows of other streams carry over.
 */
const VERSION_COLUMNS = ['snapshot_stream', 'valid_from', 'valid_to'];

/** The condition on a snapshot table's row `s` for being part of snapshot `id` (an integer, never user input). */
export const validIn = (id: number) => `s.valid_from <= ${id} AND (s.valid_to IS NULL OR s.valid_to > ${id})`;

/** The live table's columns, in order. */
export async function liveColumns(sql: SqlExecutor, table: string): Promise<string[]> {
  return (await describeColumns(sql, 'public', table)).map((column) => column.name);
}

export async function snapshotSchemaExists(sql: SqlExecutor): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [SNAPSHOT_SCHEMA]);
  return rows.length > 0;
}

/**
 * Makes sure the snapshot tables exist and match the live tables; if not, drops every snapshot and creates empty
 * tables (the snapshotter then derives them again from the log). Answers whether they were created afresh.
 */
export async function prepareSnapshotTables(sql: SqlExecutor, tables: readonly SnapshotTable[]): Promise<boolean> {
  if (await snapshotsMatch(sql, tables)) return false;
  await dropSnapshots(sql);
  await sql.query(`CREATE SCHEMA ${SNAPSHOT_SCHEMA}`);
  await sql.query(`
    CREATE TABLE ${SNAPSHOT_SCHEMA}.snapshots (
      id             int         PRIMARY KEY,
      -- the snapshot holds what the events of transactions below this one made of the read models
      covers_below   xid8        NOT NULL,
      -- the latest recorded_at among those events: a moment before it cannot start from this snapshot
      covered_until  timestamptz,
      -- no event left out of it (now or later) was recorded before this: a moment before it needs none of them
      uncovered_from timestamptz NOT NULL,
      events         int         NOT NULL,
      taken_at       timestamptz NOT NULL DEFAULT now()
    )`);
  for (const { name } of tables) await createSnapshotTable(sql, name);
  return true;
}

/** Drops every snapshot: a rebuild does, so that they are derived again by the projection code now running. */
export async function dropSnapshots(sql: SqlExecutor): Promise<void> {
  await sql.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`);
}

async function createSnapshotTable(sql: SqlExecutor, table: string): Promise<void> {
  const target = `${SNAPSHOT_SCHEMA}.${table}`;
  await sql.query(`CREATE TABLE ${target} (LIKE public.${table} INCLUDING DEFAULTS)`);
  await sql.query(`ALTER TABLE ${target} ADD COLUMN snapshot_stream text NOT NULL, ADD COLUMN valid_from int NOT NULL, ADD COLUMN valid_to int`);
  // The live table's indexes, none of them unique (a row has a version per snapshot that changed it), so that the
  // readers' queries find their rows in a snapshot as they do in the live table.
  const { rows } = await sql.query<{ definition: string }>(
    `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = ('public.' || $1)::regclass`,
    [table],
  );
  for (const { definition } of rows) {
    await sql.query(definition.replace(/^CREATE UNIQUE INDEX/, 'CREATE INDEX').replace(` ON public.${table} `, ` ON ${target} `));
  }
  await sql.query(`CREATE INDEX ${table}_snapshot_stream ON ${target} (snapshot_stream, valid_from)`);
}

async function snapshotsMatch(sql: SqlExecutor, tables: readonly SnapshotTable[]): Promise<boolean> {
  if (!(await snapshotSchemaExists(sql))) return false;
  for (const { name } of tables) {
    const live = await describeColumns(sql, 'public', name);
    const kept = (await describeColumns(sql, SNAPSHOT_SCHEMA, name)).filter((column) => !VERSION_COLUMNS.includes(column.name));
    const signature = (columns: typeof live) => columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (signature(live) !== signature(kept)) return false;
  }
  return true;
}

async function describeColumns(sql: SqlExecutor, schema: string, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await sql.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, table],
  );
  return rows;
}
