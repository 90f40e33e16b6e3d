import { logger } from './log';
import { provisionPostgres, withClient } from './postgres';

/**
 * `tsx deploy/local/probe-postgres.ts [local-server-url]`: provisions Postgres the way `npm start` does,
 * prints where it came from and what it is as one JSON line, and stops it. Used by the provisioning test.
 */
async function main(): Promise<void> {
  const server = await provisionPostgres(logger('postgres'), { databaseUrl: process.env.DATABASE_URL, localServerUrl: process.argv[2] });
  try {
    const row = await withClient(server.adminUrl, async (client) => {
      const { rows } = await client.query<{ version: string; encoding: string }>(
        `SELECT current_setting('server_version') AS version, pg_encoding_to_char(encoding) AS encoding
         FROM pg_database WHERE datname = current_database()`,
      );
      return rows[0];
    });
    process.stdout.write(`${JSON.stringify({ origin: server.origin, ...row })}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
