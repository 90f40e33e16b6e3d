import { Public } from './auth/access-rule';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from './openapi/append-result.response';
import { ApiProblems } from './openapi/openapi';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from './database.module';

/** Something a service reports about itself beyond "up" (relay role, projector progress). */
export const SERVICE_STATUS = Symbol('SERVICE_STATUS');
export type ServiceStatusProvider = () => Record<string, unknown>;

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Optional() @Inject(SERVICE_STATUS) private readonly status?: ServiceStatusProvider,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthResponse, description: 'The service and its database answer; services add what they report about themselves.' })
  @ApiProblems()
  async health(): Promise<Record<string, unknown>> {
    await this.pool.query('SELECT 1');
    return { status: 'ok', service: process.env.SERVICE_NAME, ...(this.status?.() ?? {}) };
  }
}
