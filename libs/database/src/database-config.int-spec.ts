import { createTestDatabase, TestDatabase } from '@civic/testing';
import { createPool } from './database-config';

describe(createPool.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const marked = `SELECT count(*)::int AS marks FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'
                    AND classid = hashtext('civic-records')::oid AND objid = hashtext('read-model-session')::oid`;

  it('marks every connection of a read-model pool before handing it out, once, and Postgres refuses events from it', async () => {
    const pool = createPool('read-model-test', db.url, 2, { readModelSession: true });
    try {
      const clients = await Promise.all([pool.connect(), pool.connect()]);
      for (const client of clients) {
        expect((await client.query<{ marks: number }>(marked)).rows[0].marks).toBe(1);
        await client.query('SELECT mark_read_model_session()');
        expect((await client.query<{ marks: number }>(marked)).rows[0].marks).toBe(1);
        await expect(client.query(`INSERT INTO events (stream_id) VALUES ('x')`)).rejects.toMatchObject({ code: '42501' });
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('leaves an ordinary pool unmarked', async () => {
    const pool = createPool('ordinary-test', db.url, 1);
    try {
      expect((await pool.query<{ marks: number }>(marked)).rows[0].marks).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
