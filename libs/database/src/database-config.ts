import { Pool } from 'pg';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; `npm start` and `npm test` set it for you');
  return url;
}

/**
 * Every pool closes transactions left idle, because an open transaction holds back every reader of the log
 * (they read only below the oldest running transaction).
 */
export function createPool(applicationName: string, url = databaseUrlFromEnv(), max = 10): Pool {
  const pool = new Pool({
    connectionString: url,
    application_name: applicationName,
    max,
    options: '-c idle_in_transaction_session_timeout=15000 -c statement_timeout=30000',
  });
  // An idle client losing its connection (server restart, failover) is dropped by the pool; without a listener
  // the error would crash the process.
  pool.on('error', (error) => console.error(`[${applicationName}] idle database connection lost: ${error.message}`));
  return pool;
}
