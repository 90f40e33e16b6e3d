import { escapeLiteral } from 'pg';
import { RecordedEvent } from '@civic/event-store';
import { SqlExecutor } from './projection';

/**
 * A value for a json or jsonb column: written as JSON both by INSERT from JSON (its toJSON) and by COPY (copyText),
 * where a plain array would be taken for a Postgres array.
 */
export class JsonColumn {
  constructor(readonly value: unknown) {}
  toJSON(): unknown {
    return this.value;
  }
}

/**
 * `INSERT INTO table (columns) … tail` of many rows in one statement with one parameter: the rows as a JSON array
 * that Postgres reads as the table's own row type (json_populate_recordset), so every column takes its type from
 * the table as in a single-row INSERT, and columns not named keep their defaults. The text is the same whatever
 * the number of rows: Postgres parses it in no time, where a VALUES list with a placeholder per value took longer
 * to parse than to insert (docs/performance.md, "Measurements behind the code"). `rows` hold values in the order
 * of `columns`.
 */
export async function insertRows(sql: SqlExecutor, table: string, columns: readonly string[], rows: readonly unknown[][], tail = ''): Promise<void> {
  if (!rows.length) return;
  const records = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]]))));
  const list = columns.join(', ');
  const statement = (json: string) => `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, ${json}::json) ${tail}`;
  // Nothing is read back, so the statement may go later, with the commit (the JSON then written as a literal).
  if (sql.sendLater) sql.sendLater(statement(escapeLiteral(records)));
  else await sql.query(statement('$1'), [records]);
}

/**
 * New records, one statement for many: a record already there (a redelivery) is left as it is (`ON CONFLICT (key)
 * DO NOTHING`). A replay's executor loads them with COPY instead, as it meets each event once; a record already
 * there then fails the batch, which the replay applies again event by event, this way.
 */
export async function insertNewRows(sql: SqlExecutor, table: string, key: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (!rows.length) return;
  if (sql.copyRows) await sql.copyRows(table, columns, rows);
  else await insertRows(sql, table, columns, rows, `ON CONFLICT (${key}) DO NOTHING`);
}

/**
 * Applies events in order, handing each unbroken run of events of one of the `batchable` types to `applyRun`
 * and every other event to `applyOne`: the projection's batch path and its single path stay one code.
 */
export async function inRuns(
  events: readonly RecordedEvent[],
  batchable: readonly string[],
  applyRun: (run: readonly RecordedEvent[]) => Promise<void>,
  applyOne: (event: RecordedEvent) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < events.length; ) {
    const type = events[start].type;
    let end = start + 1;
    if (batchable.includes(type)) {
      while (end < events.length && events[end].type === type) end += 1;
      await applyRun(events.slice(start, end));
    } else {
      await applyOne(events[start]);
    }
    start = end;
  }
}

/**
 * Applies a batch with each stream's events in their order, but not in the batch's: first the first event of
 * every stream, then every stream's second, and so on. No two events of such a layer share a stream, so the
 * events of one batchable type go to `applyRun` together (a statement never touches one record twice) and the
 * others to `applyOne`. For projections whose rows each belong to one stream, where only a stream's own order
 * matters (Kafka delivers the streams of different partitions in no common order either): a rebuild's batch of
 * records and their corrections becomes a few statements instead of one per correction.
 */
export async function inStreamLayers(
  events: readonly RecordedEvent[],
  batchable: readonly string[],
  applyRun: (run: readonly RecordedEvent[]) => Promise<void>,
  applyOne: (event: RecordedEvent) => Promise<void>,
): Promise<void> {
  const layers: RecordedEvent[][] = [];
  const eventsOfStream = new Map<string, number>();
  for (const event of events) {
    const layer = eventsOfStream.get(event.streamId) ?? 0;
    eventsOfStream.set(event.streamId, layer + 1);
    (layers[layer] ??= []).push(event);
  }
  for (const layer of layers) {
    for (const type of batchable) {
      const run = layer.filter((event) => event.type === type);
      if (run.length) await applyRun(run);
    }
    for (const event of layer) if (!batchable.includes(event.type)) await applyOne(event);
  }
}
