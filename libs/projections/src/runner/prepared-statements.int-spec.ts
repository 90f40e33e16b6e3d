import { createTestDatabase, TestDatabase } from '@civic/testing';
import { preparingStatements } from './prepared-statements';

describe(preparingStatements.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('prepares a parameterized statement once per connection and answers as the plain query would', async () => {
    const client = await db.pool.connect();
    try {
      const sql = preparingStatements(client);
      const text = 'SELECT $1::int + 1 AS next';
      expect((await sql.query<{ next: number }>(text, [1])).rows).toEqual([{ next: 2 }]);
      expect((await sql.query<{ next: number }>(text, [41])).rows).toEqual([{ next: 42 }]);
      await sql.query('SELECT 1');

      const { rows } = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      expect(rows.map((row) => row.statement)).toEqual([text]);
    } finally {
      client.release(true);
    }
  });
});
