import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, Logger as NestLogger, Type } from '@nestjs/common';
import { nestLogger } from './logging/logging.module';
import { correlationIdOf } from './logging/correlation-id';
import { serviceLogger } from './logging/service-logger';
import { logEveryRequest } from './logging/request-log';
import { startTracing } from './tracing/tracing';
import { traceRequests } from './tracing/request-spans';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemDetailsFilter, ProblemMapper } from './problem-details.filter';
import { securityHeaders } from './security-headers';
import { allowedOrigins, corsOptions } from './cross-origin';
import { requireValidConfig } from './config/service-config';
import { ServiceMetrics } from './metrics/service-metrics';
import { PG_POOL } from './database.module';
import type { Pool } from 'pg';
import { strictValidationPipe } from './validation';
import { ApiDescription, serveOpenApi } from './openapi/openapi';
import { BODY_LIMIT_BYTES, useStrictJsonBodies } from './json-body';
import { answerUndecodableAddress, refuseHostileAddresses } from './request-url';

export interface ServiceOptions {
  /** The configuration schema of the service's environment (config/environment.ts), checked before it starts. */
  readonly config: Type<object>;
  /** The OpenAPI description served at /docs. */
  readonly api?: ApiDescription;
  /** How the errors of the service's own libraries are answered, before the shared problems. */
  readonly problems?: readonly ProblemMapper[];
  /** A folder of pages served as they are under `prefix` (query-api's dashboard), when it exists. */
  readonly pages?: { readonly root: string; readonly prefix: string };
}

/** Starts a service's HTTP side the same way everywhere: Problem Details, strict validation, clean shutdown. */
export async function bootstrapService(module: Type<unknown>, serviceName: string, defaultPort: number, { config, api, problems, pages }: ServiceOptions): Promise<INestApplication> {
  requireValidConfig(serviceName, config);
  process.env.SERVICE_NAME ??= serviceName;
  startTracing(serviceName);
  // Fastify under Nest (docs/adr/0019-fastify.md), reading JSON bodies with our own strict parser.
  // Each request's id is its correlation id (the caller's X-Correlation-Id or a new one): logs, events and the answer
  // carry the same. Logs are held until the JSON logger is in place, so even the framework's first lines are JSON.
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, frameworkErrors: answerUndecodableAddress, genReqId: correlationIdOf });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(nestLogger());
  app.flushLogs();
  useStrictJsonBodies(app.getHttpAdapter().getInstance());
  refuseHostileAddresses(app.getHttpAdapter().getInstance());
  const origins = allowedOrigins(process.env.CORS_ORIGINS);
  if (origins.length) app.enableCors(corsOptions(origins));
  // Security headers; the policy lets the pages served here (/docs) load their own scripts and styles and nothing
  // else. Requests are not upgraded to HTTPS: a page opened over plain HTTP on an internal address would otherwise
  // load nothing (TLS is the proxy's in front of the services). Answers may be read by the origins listed only.
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null },
    },
    crossOriginResourcePolicy: { policy: origins.length ? 'cross-origin' : 'same-origin' },
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-correlation-id', request.id);
    done();
  });
  traceRequests(app.getHttpAdapter().getInstance());
  logEveryRequest(app.getHttpAdapter().getInstance(), serviceLogger());
  const metrics = app.get(ServiceMetrics);
  metrics.observeHttp(app.getHttpAdapter().getInstance());
  metrics.observePool(app.get<Pool>(PG_POOL));
  metrics.serve(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(new ProblemDetailsFilter(problems, (request, problem) => metrics.countProblem(request, problem)));
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  if (api) serveOpenApi(app, api);
  if (pages) servePages(app, serviceName, pages);
  const port = Number(process.env.PORT ?? defaultPort);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  new NestLogger(serviceName).log(`listening on http://${process.env.HOST ?? '127.0.0.1'}:${port}`);
  return app;
}

/** Static pages read nothing but the public API, so they are served to anyone, without a token. */
function servePages(app: NestFastifyApplication, serviceName: string, { root, prefix }: NonNullable<ServiceOptions['pages']>): void {
  if (!existsSync(join(root, 'index.html'))) {
    new NestLogger(serviceName).warn(`${root} holds no pages: ${prefix} is not served (npm start builds them)`);
    return;
  }
  app.useStaticAssets({ root, prefix, redirect: true, index: 'index.html', decorateReply: false });
}
