import { join } from 'node:path';
import { RunningService, ServiceName, startService, freePort, authEnvironment, anchorCheckEnvironment, anchorEnvironment, ensureMasterKeyFile, mintToken, personalDataEnvironment } from '../libs/local-run/src';
import { BenchEnvironment } from './environment';

/** How long a service is loaded before it is measured: a fresh process compiles its hot paths first (`--quick`: 1 s). */
export const WARM_UP_SECONDS = process.argv.includes('--quick') ? 1 : 2;

/** BENCH_SERVICE_LOGS=<dir> keeps each service's output (e.g. with SERVICE_NODE_OPTIONS=--trace-gc); dropped otherwise. */
function serviceLog(name: ServiceName, topicPrefix: string): { logFile?: string } {
  const directory = process.env.BENCH_SERVICE_LOGS;
  return directory ? { logFile: join(directory, `${topicPrefix}${name}.log`) } : {};
}

/** Built services (dist/) started against a bench database, and an administrator token for them. */
export async function startServices(environment: BenchEnvironment, databaseUrl: string, names: readonly ServiceName[], topicPrefix: string): Promise<{ urls: Record<string, string>; pids: Record<string, number>; token: string; stop(): Promise<void> }> {
  const started: RunningService[] = [];
  const urls: Record<string, string> = {};
  const pids: Record<string, number> = {};
  try {
    for (const name of names) {
      const service = await startService(name, await freePort(), {
        databaseUrl,
        kafkaBrokers: environment.kafka.brokers,
        topicPrefix,
        // As deployed: the relay signs the log's anchors too (docs/adr/0058).
        extra: { ...authEnvironment(environment.signingKey), ...anchorEnvironment(environment.anchorKey, join(environment.stateDirectory, `${topicPrefix}anchors.jsonl`)), ...anchorCheckEnvironment(environment.anchorKey), ...personalDataEnvironment(ensureMasterKeyFile(join(environment.stateDirectory, 'personal-data-master-key'))), THROTTLE_LIMIT_PER_MINUTE: '100000000', RELAY_POLL_INTERVAL_MS: '100', PROJECTOR_GROUP_ID: `${topicPrefix}projector` },
      }, serviceLog(name, topicPrefix));
      started.push(service);
      urls[name] = service.url;
      if (service.child.pid !== undefined) pids[name] = service.child.pid;
    }
  } catch (error) {
    for (const service of started.reverse()) await service.stop();
    throw error;
  }
  const token = await mintToken(environment.signingKey, { subject: 'bench', roles: ['administrator'], units: [], expiresIn: '2h' });
  return { urls, pids, token, stop: async () => { for (const service of started.reverse()) await service.stop(); } };
}
