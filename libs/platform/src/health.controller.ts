import { Public } from './auth/access-rule';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse, LivenessResponse, ReadinessResponse } from './openapi/health.response';
import { ApiProblems } from './openapi/openapi';
import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Pool } from 'pg';
import { PG_POOL } from './database.module';
import type { HttpReply } from './http';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';
import { READINESS_PROBE, ReadinessProbe, within } from './health/readiness';

/** Something a service reports about itself beyond "up" (relay role, projector progress). */
export const SERVICE_STATUS = Symbol('SERVICE_STATUS');
export type ServiceStatusProvider = () => Record<string, unknown>;

/** How long the database may take to answer a readiness check before it counts as down. */
const DATABASE_ANSWERS_WITHIN_MS = 2_000;

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(SERVICE_STATUS) private readonly status?: ServiceStatusProvider,
    @Optional() @Inject(READINESS_PROBE) private readonly probe?: ReadinessProbe,
  ) {}

  /** The process, its database and its counters, cheaply: for dashboards (and the benchmarks' floor). */
  @Get()
  @ApiOkResponse({ type: HealthResponse, description: 'The service and its database answer; services add what they report about themselves.' })
  @ApiProblems()
  async health(): Promise<Record<string, unknown>> {
    await this.pool.query('SELECT 1');
    return { status: 'ok', service: process.env.SERVICE_NAME, ...(this.status?.() ?? {}) };
  }

  /** Liveness: the process answers. Restart the service only when this fails. */
  @Get('live')
  @ApiOkResponse({ type: LivenessResponse, description: 'The process answers.' })
  @ApiProblems()
  live(): { status: 'ok'; service?: string } {
    return { status: 'ok', service: process.env.SERVICE_NAME };
  }

  /**
   * Readiness: 200 when the database answers and the service's own work can move (the relay leads and publishes
   * or stands by; the projector's lag shrinks); 503 with the reason and the numbers otherwise.
   */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({ type: ReadinessResponse, description: 'Ready: every check is up, with its numbers.' })
  @ApiProblems(503)
  async ready(@Res({ passthrough: true }) reply: HttpReply): Promise<HealthCheckResult | string> {
    try {
      return await this.checks.check([() => this.database(), ...(this.probe ? [() => this.ownWork(this.probe!)] : [])]);
    } catch (error) {
      // Terminus throws its answer as a 503: sent as Problem Details, with each check (and why it is down) kept.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const checks = (error.getResponse() as { details?: Record<string, { status: string; reason?: string }> }).details ?? {};
      const reasons = Object.entries(checks).filter(([, check]) => check.status === 'down').map(([name, check]) => `${name}: ${check.reason ?? 'down'}`);
      void reply.status(503).header('Content-Type', PROBLEM_CONTENT_TYPE);
      return JSON.stringify({ type: problemType('SERVICE.NOT_READY'), title: 'Not ready', status: 503, detail: reasons.join('; '), code: 'SERVICE.NOT_READY', checks, instance: '/health/ready' });
    }
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      await within(DATABASE_ANSWERS_WITHIN_MS, 'the database', this.pool.query('SELECT 1'));
      return check.up();
    } catch (error) {
      return check.down({ reason: (error as Error).message });
    }
  }

  private async ownWork(probe: ReadinessProbe): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(process.env.SERVICE_NAME ?? 'service');
    try {
      const readiness = await probe();
      return readiness.ready ? check.up({ ...readiness.details }) : check.down({ reason: readiness.reason, ...readiness.details });
    } catch (error) {
      return check.down({ reason: (error as Error).message });
    }
  }
}
