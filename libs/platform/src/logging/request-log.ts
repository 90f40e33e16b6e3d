import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { routeOf } from '../http';

/** Who called, by the subject of their verified token; never the token itself. Unauthenticated calls have none. */
const subjectOf = (request: FastifyRequest) => (request as FastifyRequest & { principal?: { subject: string } }).principal?.subject ?? null;

/** Health probes and scrapes, every few seconds from the deployment: logged at `debug`, so they do not drown the rest. */
const PROBES = /^\/(health(\/.*)?|metrics)$/;

/**
 * One log line per request once answered: its correlation id, the caller's subject, method, route template (not the
 * address, which may carry a record's id in its path), status and duration. Errors (5xx) are logged at `error`,
 * refusals (4xx) at `info` like any answer: they are the caller's, not the service's.
 */
export function logEveryRequest(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = {
      correlationId: request.id,
      subject: subjectOf(request),
      method: request.method,
      route: routeOf(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
    };
    if (reply.statusCode >= 500) logger.error(line, 'request failed');
    else if (PROBES.test(line.route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}
