import { freePort, RunningService, SERVICE_NAMES, ServiceName, startService, authEnvironment } from '@civic/local-run';
import { createTestDatabase, TestDatabase } from './test-database';
import { testNamespace } from './test-kafka';
import { testSigningKey } from './test-tokens';

/**
 * The four services as real processes (built into dist/ by `npm test`), on a database and a topic namespace of
 * their own. Each service can be killed and started again, as a crash would.
 */
export class RunningSystem {
  private readonly services = new Map<ServiceName, RunningService>();
  /** Everything the services wrote to stdout and stderr, line by line, for tests of what they log. */
  readonly output: string[] = [];
  private readonly ports = new Map<ServiceName, number>();

  private constructor(
    readonly database: TestDatabase,
    readonly topicPrefix: string,
    private readonly brokers: string[],
    private readonly environment: Record<string, string>,
  ) {}

  /** `environment`: extra settings for every service (a lower rate limit, say). */
  static async start({ withRegistry = true, environment = {} }: { withRegistry?: boolean; environment?: Record<string, string> } = {}): Promise<RunningSystem> {
    const brokers = process.env.KAFKA_BROKERS?.split(',') ?? [];
    const system = new RunningSystem(await createTestDatabase({ withRegistry }), testNamespace(), brokers, environment);
    try {
      for (const name of SERVICE_NAMES) await system.startService(name);
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  url(name: ServiceName): string {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service.url;
  }

  async startService(name: ServiceName): Promise<void> {
    const port = this.ports.get(name) ?? (await freePort());
    this.ports.set(name, port);
    const service = await startService(
      name,
      port,
      {
        databaseUrl: this.database.url,
        kafkaBrokers: this.brokers,
        topicPrefix: this.topicPrefix,
        extra: { PROJECTOR_GROUP_ID: `${this.topicPrefix}projector`, RELAY_POLL_INTERVAL_MS: '200', ...authEnvironment(testSigningKey()), ...this.environment },
      },
      { onOutput: (line) => this.output.push(`[${name}] ${line}`) },
    );
    this.services.set(name, service);
  }

  /** Whether the service's process is still the one started (it has not exited since). */
  alive(name: ServiceName): boolean {
    const service = this.services.get(name);
    return Boolean(service && !service.exited());
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash. */
  async kill(name: ServiceName): Promise<void> {
    await this.services.get(name)?.kill();
    this.services.delete(name);
  }

  async stop(): Promise<void> {
    for (const name of [...this.services.keys()].reverse()) {
      await this.services.get(name)?.stop();
      this.services.delete(name);
    }
    await this.database.drop();
  }
}
