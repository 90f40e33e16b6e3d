import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { CivicDate, UnitCode, UnitsOnDate } from '@civic/domain';
import { UnitRegistryReader, UnitRegistrySnapshot } from '@civic/admin-units';
import { EVERYTHING, ReadModelChangeListener, SummaryCache } from '@civic/database';

/**
 * The registry as every command asks it (the units of the fact's date), answered from memory until the registry
 * changes: the whole registry is loaded once (UnitRegistrySnapshot), since facts come from hundreds of wards on
 * hundreds of dates and a cache of each (date, units) question rarely met the same question twice. The
 * registry's tables announce any change on commit (`*` on the read models' channel, ADR 0014); the cache holds
 * nothing unless it is hearing them, and drops a load that was running when a change was heard, so
 * a command never decides on a registry older than the last change it could have seen. Changes to the records'
 * figures (a unit code announced) do not touch the registry and are ignored.
 */
export class CachedUnitRegistry extends UnitRegistryReader implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new SummaryCache();
  private readonly listener: ReadModelChangeListener;

  /** `databaseUrl`: the database of `pool`, for the session that listens. */
  constructor(pool: Pool, databaseUrl: string) {
    super(pool);
    this.listener = new ReadModelChangeListener(
      databaseUrl,
      {
        changed: (unit) => unit === EVERYTHING && this.cache.changed(EVERYTHING),
        listening: (heard) => this.cache.listening(heard),
      },
      'records-api-registry',
    );
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  override async unitsOnDate(codes: readonly UnitCode[], date: CivicDate): Promise<UnitsOnDate> {
    // Deaf to the registry's announcements, a snapshot could not be trusted for a moment: ask the database.
    if (!this.cache.statistics().listening) return super.unitsOnDate(codes, date);
    const snapshot = await this.cache.get('registry', () => UnitRegistrySnapshot.load(this.sql));
    return snapshot.unitsOnDate(codes, date);
  }
}
