import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { createPool, PoolSettings } from '@civic/database';

export const PG_POOL = Symbol('PG_POOL');
export const InjectPool = () => Inject(PG_POOL);

/** One pg pool per process, closed on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@InjectPool() private readonly pool: Pool) {}

  /** `settings.readModelSession` for a service that writes read models and never events (see PoolSettings). */
  static forRoot(settings: PoolSettings = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: PG_POOL, useFactory: () => createPool(process.env.SERVICE_NAME ?? 'civic-records', undefined, undefined, settings) }],
      exports: [PG_POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
