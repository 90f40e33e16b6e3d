import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { runMigrations } from '@civic/schema';
import { KafkaBroker, provisionKafka } from '../deploy/local/kafka';
import { logger } from '../deploy/local/log';
import { databaseUrlFor, dropDatabase, ensureDatabase, PostgresServer, provisionPostgres, withClient } from '../deploy/local/postgres';
import { AnchorKeyFiles, ensureAnchorKey, ensureSigningKey, SigningKey } from '../libs/local-run/src';
import { createRegistryTemplate } from '../deploy/local/registry';

/** Real Postgres and a fresh Kafka, provisioned as the tests do; databases cloned from a migrated template. */
export class BenchEnvironment {
  private readonly databases: string[] = [];
  private registryTemplate?: string;

  private constructor(
    readonly postgres: PostgresServer,
    readonly kafka: KafkaBroker,
    readonly signingKey: SigningKey,
    readonly stateDirectory: string,
    private readonly runId: string,
  ) {}

  /** The key the relays of the scenarios sign the log's anchors with. */
  get anchorKey(): AnchorKeyFiles {
    return ensureAnchorKey(join(this.stateDirectory, 'anchor-key'));
  }

  static async start(): Promise<BenchEnvironment> {
    const postgres = await provisionPostgres(logger('postgres'));
    const stateDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
    const kafka = await provisionKafka(logger('kafka'), { stateDir, fresh: true });
    const environment = new BenchEnvironment(postgres, kafka, ensureSigningKey(join(stateDir, 'auth'), 'civic-records-bench', 'civic-records'), stateDir, Date.now().toString(36));
    await ensureDatabase(postgres.adminUrl, environment.name('template'));
    await runMigrations(databaseUrlFor(postgres.adminUrl, environment.name('template')));
    return environment;
  }

  private name(suffix: string): string {
    return `civic_bench_${this.runId}_${suffix}`;
  }

  /** A fresh, migrated database (with the official registry when asked: commands are checked against it). */
  async database(label: string, { withRegistry = false } = {}): Promise<{ url: string; pool: Pool }> {
    const template = withRegistry ? await this.withRegistryTemplate() : this.name('template');
    const name = this.name(label);
    await withClient(this.postgres.adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    this.databases.push(name);
    const url = databaseUrlFor(this.postgres.adminUrl, name);
    const pool = new Pool({ connectionString: url, max: 40 });
    pool.on('error', () => undefined);
    return { url, pool };
  }

  private async withRegistryTemplate(): Promise<string> {
    if (this.registryTemplate) return this.registryTemplate;
    const name = this.name('registry');
    this.databases.push(name);
    // The relay of a scenario publishes only what the scenario records.
    await createRegistryTemplate(this.postgres.adminUrl, this.name('template'), name, logger('registry'));
    this.registryTemplate = name;
    return name;
  }

  async stop(): Promise<void> {
    for (const name of this.databases.reverse()) await dropDatabase(this.postgres.adminUrl, name).catch(() => undefined);
    await dropDatabase(this.postgres.adminUrl, this.name('template')).catch(() => undefined);
    await this.kafka.stop();
    await this.postgres.stop();
    rmSync(this.stateDirectory, { recursive: true, force: true });
  }
}
