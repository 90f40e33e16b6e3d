import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { CivicDate, UnitCode, UnitsOnDate } from '@civic/domain';
import { UnitRegistryReader } from '@civic/admin-units';
import { EVERYTHING, ReadModelChangeListener, SummaryCache } from '@civic/projections';

/**
 * The registry as every command asks it (the units of the fact's date), answered from memory until the registry
 * changes. The registry's tables announce any change on commit (`*` on the read models' channel, ADR 0014); the
 * cache holds nothing unless it is hearing them, and drops a load that was running when a change was heard, so
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

  override unitsOnDate(codes: readonly UnitCode[], date: CivicDate): Promise<UnitsOnDate> {
    const key = `${date} ${[...new Set(codes)].sort().join(' ')}`;
    return this.cache.get(key, () => super.unitsOnDate(codes, date));
  }
}
