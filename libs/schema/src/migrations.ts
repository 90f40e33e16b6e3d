import { DataSource } from 'typeorm';
import { AddHashChain1763856000600, AuditUnitIndex1763856000900, CreateEventLog1763856000000, LogHorizon1763856001000, LogAnchors1763856002000, PersonalDataKeys1763856002100, LogAnchoredStreams1763856002200 } from '@civic/event-store';
import { PROJECTION_MIGRATIONS } from '@civic/projections';
import { RateLimitCounts1763856001900 } from '@civic/database';

/** Every schema change, in order. Schema comes only from migrations, never from `synchronize`. */
export const MIGRATIONS = [CreateEventLog1763856000000, ...PROJECTION_MIGRATIONS, AddHashChain1763856000600, AuditUnitIndex1763856000900, LogHorizon1763856001000, RateLimitCounts1763856001900, LogAnchors1763856002000, PersonalDataKeys1763856002100, LogAnchoredStreams1763856002200];

export function migrationDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: ['error'] });
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await migrationDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Whether every migration is applied: the services' pods wait for it (deploy/k8s) rather than run on an old schema. */
export async function schemaIsCurrent(url: string): Promise<boolean> {
  const dataSource = await migrationDataSource(url).initialize();
  try {
    return !(await dataSource.showMigrations());
  } finally {
    await dataSource.destroy();
  }
}
