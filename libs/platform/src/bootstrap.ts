import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { ProblemDetailsFilter } from './problem-details.filter';
import { strictValidationPipe } from './validation';
import { ApiDescription, serveOpenApi } from './openapi/openapi';

/** Starts a service's HTTP side the same way everywhere: Problem Details, strict validation, clean shutdown. */
export async function bootstrapService(module: Type<unknown>, serviceName: string, defaultPort: number, api?: ApiDescription): Promise<INestApplication> {
  process.env.SERVICE_NAME ??= serviceName;
  // Fastify under Nest (docs/adr/0019-fastify.md); request bodies are limited to 256 KiB.
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: 256 * 1024 }), { bufferLogs: false });
  // Security headers; the policy lets the OpenAPI page at /docs load its own scripts and styles and nothing else.
  // helmet's middleware is built once and run on every request: @fastify/helmet builds it anew per request, a
  // twentieth of query-api's CPU under load (docs/adr/0019-fastify.md).
  const securityHeaders = helmet({
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  if (api) serveOpenApi(app, api);
  const port = Number(process.env.PORT ?? defaultPort);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  new Logger(serviceName).log(`listening on http://${process.env.HOST ?? '127.0.0.1'}:${port}`);
  return app;
}
