import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { survivingConnectionLoss } from '@civic/database';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\``);
  return value;
}

function urlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A database of its own for one test file, cloned from the migrated template that `npm test` prepared:
 * real Postgres, real schema, no state shared with other files.
 */
export async function createTestDatabase({ withRegistry = false }: { withRegistry?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = required('CIVIC_TEST_ADMIN_URL');
  // withRegistry: the official unit registry (2021 to the 2025 reform) already loaded, and already relayed.
  const template = required(withRegistry ? 'CIVIC_TEST_REGISTRY_TEMPLATE_DB' : 'CIVIC_TEST_TEMPLATE_DB');
  const name = `civic_test_${required('CIVIC_TEST_RUN_ID')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = urlFor(adminUrl, name);
  // Connections lost while idle or in use (pool.end() resolves before idle sockets are closed, and the DROP ... WITH
  // (FORCE) below may terminate one; tests of faults terminate them on purpose) must not crash the test process.
  const pool = survivingConnectionLoss(new Pool({ connectionString: url, max: 10 }), 'test', () => undefined);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
