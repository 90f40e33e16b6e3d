import { DatabaseError, Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { queryKeepingConnection } from './pooled-statement';

describe(queryKeepingConnection.name, () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const backend = async () => (await queryKeepingConnection<{ pid: number }>(pool, { text: 'SELECT pg_backend_pid() AS pid' })).rows[0].pid;

  it('keeps the connection of a statement the server refused, where pool.query would have closed it', async () => {
    const before = await backend();
    await expect(queryKeepingConnection(pool, { text: 'SELECT 1 / 0' })).rejects.toMatchObject({ code: '22012' });
    expect(await backend()).toBe(before);

    await expect(pool.query('SELECT 1 / 0')).rejects.toBeInstanceOf(DatabaseError);
    expect(await backend()).not.toBe(before);
  });

  it('closes a connection the server ended, and the next statement gets a working one', async () => {
    const before = await backend();
    await expect(queryKeepingConnection(pool, { text: 'SELECT pg_terminate_backend(pg_backend_pid())' })).rejects.toBeDefined();
    const after = await backend();
    expect(after).not.toBe(before);
    expect(pool.totalCount).toBe(1);
  });
});
