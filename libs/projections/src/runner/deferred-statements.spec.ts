import { deferringStatements } from './deferred-statements';
import { insertRows } from '../batching';
import { SqlExecutor } from '../projection';

/** An executor that records what reaches it, as the database would see it. */
function recording(): SqlExecutor & { sent: { text: string; values?: unknown[] }[] } {
  const sent: { text: string; values?: unknown[] }[] = [];
  return { sent, query: async (text, values) => { sent.push({ text, values }); return { rows: [], rowCount: 0 }; } };
}

describe(deferringStatements.name, () => {
  it('holds statements sent later until the next query, and sends them first, in order, in one query', async () => {
    const database = recording();
    const sql = deferringStatements(database);
    sql.sendLater!('INSERT INTO a VALUES (1)');
    sql.sendLater!('INSERT INTO a VALUES (2)');
    expect(database.sent).toEqual([]);

    await sql.query('SELECT $1', [3]);
    expect(database.sent).toEqual([
      { text: 'INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\n', values: undefined },
      { text: 'SELECT $1', values: [3] },
    ]);
  });

  it('hands over what is still held, once, to go with the commit', async () => {
    const sql = deferringStatements(recording());
    expect(sql.takeDeferred()).toBe('');
    sql.sendLater!('INSERT INTO a VALUES (1)');
    expect(sql.takeDeferred()).toBe('INSERT INTO a VALUES (1);\n');
    expect(sql.takeDeferred()).toBe('');
  });

  it('offers COPY only where the executor it wraps does, after what is held', async () => {
    expect(deferringStatements(recording()).copyRows).toBeUndefined();
    const copied: string[] = [];
    const database = { ...recording(), copyRows: async (table: string) => { copied.push(table); } };
    const sql = deferringStatements(database);
    sql.sendLater!('INSERT INTO a VALUES (1)');
    await sql.copyRows!('b', ['x'], [[1]]);
    expect(database.sent.map((s) => s.text)).toEqual(['INSERT INTO a VALUES (1);\n']);
    expect(copied).toEqual(['b']);
  });
});

describe(insertRows.name, () => {
  const rows = [['Hội nghị \'đặc biệt\' \\ năm 2024', 12]];

  it('sends the rows as one JSON parameter when it must go at once', async () => {
    const database = recording();
    await insertRows(database, 'rm_x', ['title', 'n'], rows);
    expect(database.sent).toEqual([{ text: 'INSERT INTO rm_x (title, n) SELECT title, n FROM json_populate_recordset(null::rm_x, $1::json) ', values: [JSON.stringify([{ title: rows[0][0], n: 12 }])] }]);
  });

  it('writes the same JSON as an escaped literal when it may go later', async () => {
    const database = recording();
    const sql = deferringStatements(database);
    await insertRows(sql, 'rm_x', ['title', 'n'], rows, 'ON CONFLICT DO NOTHING');
    expect(sql.takeDeferred()).toBe(
      `INSERT INTO rm_x (title, n) SELECT title, n FROM json_populate_recordset(null::rm_x,  E'[{"title":"Hội nghị ''đặc biệt'' \\\\\\\\ năm 2024","n":12}]'::json) ON CONFLICT DO NOTHING;\n`,
    );
    expect(database.sent).toEqual([]);
  });
});
