import { join } from 'node:path';
import { ManagedProcess, run, startProcess } from './processes';
import { repoRoot } from './paths';
import { waitUntil } from './wait';

export const SERVICE_NAMES = ['records-api', 'query-api', 'event-relay', 'projector'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * V8 flags a service runs with, here and in docker-compose.yml (NODE_OPTIONS). query-api's young generation is
 * larger than Node's default 16 MB semi-space: under 50 readers it allocates about 50 kB per answer, and with the
 * default its scavenges came often and paused it each time (docs/adr/0020-query-api-young-generation.md).
 */
export const SERVICE_V8_FLAGS: Record<ServiceName, readonly string[]> = {
  'records-api': [],
  'query-api': ['--max-semi-space-size=64'],
  'event-relay': [],
  projector: [],
};

export interface ServiceEnvironment {
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly topicPrefix?: string;
  readonly extra?: Record<string, string>;
}

export interface RunningService extends ManagedProcess {
  readonly url: string;
}

/** Starts one built service (dist/) as its own process and waits until its /health answers. */
export async function startService(
  name: ServiceName,
  port: number,
  environment: ServiceEnvironment,
  options: { logFile?: string; onOutput?: (line: string) => void } = {},
): Promise<RunningService> {
  const url = `http://127.0.0.1:${port}`;
  // SERVICE_NODE_OPTIONS passes flags NODE_OPTIONS refuses, e.g. `--cpu-prof` to profile services under the bench.
  const nodeFlags = process.env.SERVICE_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  const child = startProcess(name, process.execPath, ['--enable-source-maps', ...SERVICE_V8_FLAGS[name], ...nodeFlags, join(repoRoot, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SERVICE_NAME: name,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: environment.databaseUrl,
      KAFKA_BROKERS: environment.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: environment.topicPrefix ?? '',
      ...environment.extra,
    },
    ...options,
  });
  try {
    await waitUntil(`${name} at ${url}/health`, async () => {
      if (child.exited()) throw new Error(`${name} exited during start`);
      const response = await fetch(`${url}/health`);
      return response.ok;
    });
  } catch (error) {
    await child.kill();
    throw error;
  }
  return Object.assign(child, { url });
}

/** One tsc pass (Nest CLI, tsc builder) compiles every app and lib into dist/. */
export function buildServices(): Promise<void> {
  return run(process.execPath, [join(repoRoot, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], { cwd: repoRoot });
}
