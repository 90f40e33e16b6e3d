import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { masterKeyOf, PersonalDataKeys, PersonalDataOpener } from '@civic/event-store';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningService, SERVICE_NAMES, ServiceName, startService, authEnvironment, AnchorKeyFiles, anchorCheckEnvironment, anchorEnvironment, ensureAnchorKey, ensureMasterKeyFile, personalDataEnvironment } from '@civic/local-run';
import { createTestDatabase, TestDatabase } from './test-database';
import { testNamespace } from './test-kafka';
import { testSigningKey } from './test-tokens';

/**
 * The four services as real processes (built into dist/ by `npm test`), on a database and a topic namespace of
 * their own. Each service can be killed and started again, as a crash would.
 */
export class RunningSystem {
  /** The running instances: each service by its name, and its replicas by `name#n`. */
  private readonly services = new Map<string, RunningService>();
  private readonly replicas = new Map<ServiceName, number>();
  /** Everything the services wrote to stdout and stderr, line by line, for tests of what they log. */
  readonly output: string[] = [];
  private readonly ports = new Map<ServiceName, number>();
  /** Where this system's relay signs the log's anchors, and the file it appends them to (ADR 0058). */
  private readonly anchorDir = mkdtempSync(join(tmpdir(), 'civic-anchors-'));
  readonly anchorKey: AnchorKeyFiles = ensureAnchorKey(this.anchorDir);
  readonly anchorFile = join(this.anchorDir, 'anchors.jsonl');
  /** The master key that wraps this system's keys of personal data (docs/adr/0059). */
  readonly masterKeyFile = ensureMasterKeyFile(join(this.anchorDir, 'personal-data-master-key'));

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

  /** `name`: a service, or a replica (`projector#1`). */
  url(name: ServiceName | string): string {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service.url;
  }

  async startService(name: ServiceName): Promise<void> {
    const port = this.ports.get(name) ?? (await freePort());
    this.ports.set(name, port);
    this.services.set(name, await startService(name, port, this.serviceEnvironment(), { onOutput: (line) => this.output.push(`[${name}] ${line}`) }));
  }

  /**
   * One more instance of a service, as a deployment scales it: a projector joins the same consumer group, a relay
   * competes for the lead. Known by the name it returns (`projector#1`) to `url`, `kill` and `alive`.
   */
  async startReplica(name: ServiceName): Promise<string> {
    const n = (this.replicas.get(name) ?? 0) + 1;
    this.replicas.set(name, n);
    const key = `${name}#${n}`;
    this.services.set(key, await startService(name, await freePort(), this.serviceEnvironment(), { onOutput: (line) => this.output.push(`[${key}] ${line}`) }));
    return key;
  }

  private serviceEnvironment() {
    return {
      databaseUrl: this.database.url,
      kafkaBrokers: this.brokers,
      topicPrefix: this.topicPrefix,
      extra: {
        PROJECTOR_GROUP_ID: `${this.topicPrefix}projector`,
        RELAY_POLL_INTERVAL_MS: '200',
        ...authEnvironment(testSigningKey()),
        ...anchorEnvironment(this.anchorKey, this.anchorFile),
        ...anchorCheckEnvironment(this.anchorKey),
        ...personalDataEnvironment(this.masterKeyFile),
        ...this.environment,
      },
    };
  }

  /**
   * What an operator's command run against this system needs: its database, its topics, and the master key of names,
   * which rebuilding or retrying the read models of grants needs to index their recipients (docs/adr/0059).
   */
  cliEnvironment(): Record<string, string> {
    return { DATABASE_URL: this.database.url, KAFKA_TOPIC_PREFIX: this.topicPrefix, ...personalDataEnvironment(this.masterKeyFile) };
  }

  /** Opens sealed names as the system's own services do, with its master key (docs/adr/0059), remembering no key. */
  personalDataOpener(): PersonalDataOpener {
    return new PersonalDataOpener(new PersonalDataKeys(this.database.pool, masterKeyOf(readFileSync(this.masterKeyFile, 'utf8'))), 0);
  }

  /** Whether the service's process is still the one started (it has not exited since). */
  alive(name: ServiceName | string): boolean {
    const service = this.services.get(name);
    return Boolean(service && !service.exited());
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash. */
  async kill(name: ServiceName | string): Promise<void> {
    await this.services.get(name)?.kill();
    this.services.delete(name);
  }

  async stop(): Promise<void> {
    for (const name of [...this.services.keys()].reverse()) {
      await this.services.get(name)?.stop();
      this.services.delete(name);
    }
    await this.database.drop();
    rmSync(this.anchorDir, { recursive: true, force: true });
  }
}
