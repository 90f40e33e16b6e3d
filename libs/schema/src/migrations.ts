import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AddHashChain1763856000600, AuditUnitIndex1763856000900, CreateEventLog1763856000000, LogHorizon1763856001000, LogAnchors1763856002000, PersonalDataKeys1763856002100, LogAnchoredStreams1763856002200, PersonalDataErasureNotices1763856002400, ReservationsByGrant1763856002500 } from '@civic/event-store';
import { PROJECTION_MIGRATIONS } from '@civic/projections';
import { RateLimitCounts1763856001900 } from '@civic/database';

/** Every schema change, in order. Schema comes only from migrations, never from `synchronize`. */
export const MIGRATIONS = [CreateEventLog1763856000000, ...PROJECTION_MIGRATIONS, AddHashChain1763856000600, AuditUnitIndex1763856000900, LogHorizon1763856001000, RateLimitCounts1763856001900, LogAnchors1763856002000, PersonalDataKeys1763856002100, LogAnchoredStreams1763856002200, PersonalDataErasureNotices1763856002400, ReservationsByGrant1763856002500];

/** TypeORM's own bookkeeping table. */
const MIGRATIONS_TABLE = 'migrations';

/**
 * Held while migrations run, so two jobs started together (a redeployed setup job beside the old one, two `npm start`)
 * apply them one after the other instead of racing to create the same table.
 */
const MIGRATION_LOCK = `hashtext('civic-records:migrations')`;

export function migrationDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, migrationsTableName: MIGRATIONS_TABLE, synchronize: false, migrationsRun: false, logging: ['error'] });
}

/** Applies the migrations not yet applied, one job at a time; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const dataSource = await migrationDataSource(url).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}

/**
 * Whether every migration is applied: the services' pods wait for it (deploy/k8s) rather than run on an old schema.
 * Only reads: TypeORM's own check creates its table when missing, which raced the setup job creating it.
 */
export async function schemaIsCurrent(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [MIGRATIONS_TABLE]);
    if (!rows[0].present) return false;
    const applied = new Set((await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map((row) => row.name));
    return MIGRATIONS.every((migration) => applied.has(migrationName(migration)));
  } finally {
    await client.end();
  }
}

/** The name TypeORM records for a migration: its `name` property, else its class name. */
function migrationName(migration: (typeof MIGRATIONS)[number]): string {
  return (new migration() as { name?: string }).name ?? migration.name;
}
