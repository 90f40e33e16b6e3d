import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..');
const TSX = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Starts one service from its source with only the given environment; resolves with its exit code and output. */
function start(service: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, join('apps', service, 'src', 'main.ts')], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${service} did not stop on a wrong configuration: ${stdout}${stderr}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr, stdout });
    });
  });
}

const AUTH = { AUTH_ISSUER: 'civic-records-dev', AUTH_AUDIENCE: 'civic-records', AUTH_JWKS_FILE: join(repoRoot, 'no-such-file.json') };

describe('A service with a wrong setting stops at start, naming every wrong variable', () => {
  it.each([
    ['query-api', { ...AUTH, PORT: 'abc', THROTTLE_LIMIT_PER_MINUTE: 'abc', TIME_TRAVEL_BUDGET_MS: '-5' }, ['PORT', 'THROTTLE_LIMIT_PER_MINUTE', 'TIME_TRAVEL_BUDGET_MS']],
    ['records-api', { PORT: '70000', CORS_ORIGINS: 'https://ok.example,*' }, ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'PORT', 'CORS_ORIGINS']],
    ['event-relay', { RELAY_BATCH_SIZE: 'lots', KAFKA_BROKERS: 'localhost', DATABASE_URL: 'localhost:5432', RELAY_WATCHED_CONSUMER_GROUPS: 'a group' }, ['RELAY_BATCH_SIZE', 'KAFKA_BROKERS', 'DATABASE_URL', 'RELAY_WATCHED_CONSUMER_GROUPS']],
    ['projector', { SNAPSHOT_EVERY_EVENTS: '-1', KAFKA_TOPIC_PARTITIONS: 'three', PROJECTOR_GROUP_ID: 'a group' }, ['SNAPSHOT_EVERY_EVENTS', 'KAFKA_TOPIC_PARTITIONS', 'PROJECTOR_GROUP_ID']],
  ] as const)('%s', async (service, env, named) => {
    const { code, stderr, stdout } = await start(service, env);
    expect(code).toBe(1);
    expect(stderr).toContain(`${service} cannot start: its configuration is not valid:`);
    const reported = stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(':')[0]);
    expect(reported.sort()).toEqual([...named].sort());
    expect(stdout).not.toContain('listening');
  });
});
