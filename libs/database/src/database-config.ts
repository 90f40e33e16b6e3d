import { Pool } from 'pg';
import { survivingConnectionLoss } from './connection-loss';
import { markingReadModelSessions, READ_MODEL_SESSION_OPTION } from './read-model-session';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; `npm start` and `npm test` set it for you');
  return url;
}

export interface PoolSettings {
  /**
   * For a service that writes read models and never events (the projector): its transactions then do not hold
   * back readers of the log, and Postgres refuses events from it. See libs/event-store/src/read-model-session.ts.
   */
  readonly readModelSession?: boolean;
}

/**
 * Every pool closes transactions left idle, because an open transaction that may write events holds back every
 * reader of the log (they read only below the oldest such transaction).
 */
export function createPool(applicationName: string, url = databaseUrlFromEnv(), max = 10, { readModelSession = false }: PoolSettings = {}): Pool {
  const options = ['-c idle_in_transaction_session_timeout=15000 -c statement_timeout=30000'];
  if (readModelSession) options.push(READ_MODEL_SESSION_OPTION);
  const marking = readModelSession ? markingReadModelSessions((error) => console.error(`[${applicationName}] could not mark a read-model session: ${error.message}`)) : {};
  return survivingConnectionLoss(new Pool({ connectionString: url, application_name: applicationName, max, options: options.join(' '), ...marking }), applicationName);
}
