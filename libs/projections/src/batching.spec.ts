import { RecordedEvent } from '@civic/event-store';
import { inRuns, inStreamLayers, insertRows } from './batching';

const recorder = () => {
  const statements: { text: string; values: unknown[] }[] = [];
  return { statements, sql: { query: async (text: string, values: unknown[] = []) => (statements.push({ text, values }), { rows: [], rowCount: 0 }) } };
};

describe('insertRows', () => {
  it('sends many rows as one statement with one parameter: the rows as JSON objects keyed by column, typed by the table', async () => {
    const { sql, statements } = recorder();
    await insertRows(sql, 'rm_t', ['a', 'b', 'c'], [[1, 'Đà Nẵng', ['x']], [2, null, []]], 'ON CONFLICT DO NOTHING');
    expect(statements).toEqual([{
      text: 'INSERT INTO rm_t (a, b, c) SELECT a, b, c FROM json_populate_recordset(null::rm_t, $1::json) ON CONFLICT DO NOTHING',
      values: [JSON.stringify([{ a: 1, b: 'Đà Nẵng', c: ['x'] }, { a: 2, b: null, c: [] }])],
    }]);
  });

  it('sends nothing for no rows', async () => {
    const { sql, statements } = recorder();
    await insertRows(sql, 'rm_t', ['a'], []);
    expect(statements).toHaveLength(0);
  });
});

describe('inRuns', () => {
  it('hands unbroken runs of batchable types to the batch path and everything else, in order, to the single path', async () => {
    const event = (type: string, n: number) => ({ type, streamVersion: n }) as unknown as RecordedEvent;
    const events = [event('Held', 1), event('Held', 2), event('Corrected', 3), event('Held', 4), event('Revoked', 5), event('Revoked', 6)];
    const calls: string[] = [];
    await inRuns(
      events,
      ['Held'],
      async (run) => void calls.push(`run ${run.map((e) => e.streamVersion).join(',')}`),
      async (one) => void calls.push(`one ${one.streamVersion}`),
    );
    expect(calls).toEqual(['run 1,2', 'one 3', 'run 4', 'one 5', 'one 6']);
  });
});

describe('inStreamLayers', () => {
  const event = (streamId: string, type: string, streamVersion: number) => ({ streamId, type, streamVersion }) as unknown as RecordedEvent;
  const label = (e: RecordedEvent) => `${e.streamId}${e.streamVersion}`;

  it('keeps each stream in order and batches a type over streams: a batch of records and corrections is a few statements', async () => {
    const events = [
      event('a', 'Held', 1), event('a', 'Corrected', 2), event('b', 'Held', 1), event('c', 'Corrected', 4),
      event('a', 'Corrected', 3), event('b', 'Revoked', 2), event('c', 'Corrected', 5), event('d', 'Held', 1),
    ];
    const calls: string[] = [];
    await inStreamLayers(
      events,
      ['Held', 'Corrected'],
      async (run) => void calls.push(`run ${run.map(label).join(',')}`),
      async (one) => void calls.push(`one ${label(one)}`),
    );
    expect(calls).toEqual(['run a1,b1,d1', 'run c4', 'run a2,c5', 'one b2', 'run a3']);
  });

  it('never puts one stream twice in a run, so a statement never touches one record twice', async () => {
    const events = Array.from({ length: 30 }, (_, n) => event(`s${n % 4}`, 'Corrected', n));
    const runs: RecordedEvent[][] = [];
    await inStreamLayers(events, ['Corrected'], async (run) => void runs.push([...run]), async () => undefined);
    for (const run of runs) expect(new Set(run.map((e) => e.streamId)).size).toBe(run.length);
    const applied = runs.flat();
    expect(applied).toHaveLength(30);
    for (const stream of ['s0', 's1', 's2', 's3']) {
      const versions = applied.filter((e) => e.streamId === stream).map((e) => e.streamVersion);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    }
  });
});
