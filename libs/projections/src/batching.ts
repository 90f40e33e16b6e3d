import { RecordedEvent } from '@civic/event-store';
import { SqlExecutor } from './projection';

/** Postgres takes at most 65,535 parameters a statement. */
const MAX_PARAMETERS = 65_535;

/**
 * `head VALUES (…), (…) tail` with one row of parameters per row: one round trip for many rows, the column
 * types inferred from the target table as for a single-row INSERT.
 */
export async function insertRows(sql: SqlExecutor, head: string, rows: readonly unknown[][], tail = ''): Promise<void> {
  if (!rows.length) return;
  const width = rows[0].length;
  const perStatement = Math.floor(MAX_PARAMETERS / width);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((_, row) => `(${Array.from({ length: width }, (_, column) => `$${row * width + column + 1}`).join(', ')})`).join(', ');
    await sql.query(`${head} VALUES ${values} ${tail}`, chunk.flat());
  }
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
