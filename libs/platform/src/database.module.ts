import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { createPool } from '@civic/database';

export const PG_POOL = Symbol('PG_POOL');
export const InjectPool = () => Inject(PG_POOL);

/** One pg pool per process, closed on shutdown. */
@Global()
@Module({
  providers: [{ provide: PG_POOL, useFactory: () => createPool(process.env.SERVICE_NAME ?? 'civic-records') }],
  exports: [PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@InjectPool() private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
