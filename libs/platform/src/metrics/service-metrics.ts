import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { LATENCY_BUCKETS } from './latency-buckets';
import { routeOf } from '../http';



/**
 * A service's Prometheus metrics, in one registry labelled with the service's name: the process's own (CPU, memory,
 * event loop lag, garbage collection), every HTTP answer by route, method and status with its latency, and the
 * database pool. A service adds its own (commands, relay, projector) to `registry`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly problems: Counter<'method' | 'route' | 'status' | 'code'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.http = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP answers by route template, method and status, and how long each took',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.problems = new Counter({
      name: 'http_problems_total',
      help: 'Refusals and errors answered as Problem Details, by route template, method, status and code (REQUEST.INVALID, ACCESS.OUTSIDE_JURISDICTION, a domain rule, …)',
      labelNames: ['method', 'route', 'status', 'code'],
      registers: [this.registry],
    });
  }

  /** A refused command or query, by the code it was refused with. */
  countProblem(request: FastifyRequest, problem: { readonly status: number; readonly code?: string }): void {
    this.problems.inc({ method: request.method, route: routeOf(request), status: String(problem.status), code: problem.code ?? 'NONE' });
  }

  /**
   * Times every answer. The route is the template (`/v1/meetings/:id`), never the address asked, so ids do not
   * become labels; an address no route matched is counted as `unmatched`.
   */
  observeHttp(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.http.observe({ method: request.method, route: routeOf(request), status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
  }

  /** Connections of the pool in use, idle, and requests waiting for one, read at each scrape. */
  observePool(pool: Pool): void {
    new Gauge({
      name: 'pg_pool_connections',
      help: 'Database pool connections by state (in_use, idle) and requests waiting for a connection (waiting)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  /** `GET /metrics` in the Prometheus text format, outside the API's access rules (scraped inside the deployment). */
  serve(fastify: FastifyInstance): void {
    fastify.get('/metrics', async (_request, reply) => {
      reply.header('content-type', this.registry.contentType);
      return this.registry.metrics();
    });
  }
}
