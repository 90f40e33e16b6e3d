import { SpanKind, SpanStatusCode, Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routeOf } from '../http';
import { civicTracer, contextOf, TraceHeaders, traceHeadersOf } from './tracing';

const spans = new WeakMap<FastifyRequest, Span>();

/**
 * A server span for every request, a child of the caller's `traceparent` when it sent one, named by the route
 * template and ended with the status. Not recorded with tracing off; the caller's context still passes through.
 */
export function traceRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const headers = request.headers;
    const parent = contextOf({ traceparent: single(headers.traceparent), tracestate: single(headers.tracestate) });
    const route = routeOf(request);
    const span = civicTracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route, 'civic.correlation_id': request.id } },
      parent,
    );
    spans.set(request, span);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    span?.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span?.setStatus({ code: SpanStatusCode.ERROR });
    span?.end();
    done();
  });
}

/** The trace headers a command's events keep: its request's span, or nothing when there is none. */
export function traceHeadersOfRequest(request: FastifyRequest): TraceHeaders {
  const span = spans.get(request);
  return span ? traceHeadersOf(span) : {};
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
