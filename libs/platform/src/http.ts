import type { FastifyReply, FastifyRequest } from 'fastify';

/** The HTTP request and reply the services run on (Fastify, under Nest: docs/adr/0019-fastify.md). */
export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;

/** One request header; a header sent twice is read as its first value. */
export function headerOf(request: HttpRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the body is declared as JSON (`application/json`, with or without parameters). */
export function declaresJson(request: HttpRequest): boolean {
  return headerOf(request, 'content-type')?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** The path of the request, without its query string (the `instance` of a problem). */
export function pathOf(request: HttpRequest): string {
  const query = request.url.indexOf('?');
  return query < 0 ? request.url : request.url.slice(0, query);
}

/**
 * The route template a request matched (`/v1/meetings/:id`), never the address asked, so ids never become metric
 * labels, span names or log fields; `unmatched` when no route matched.
 */
export const routeOf = (request: HttpRequest): string => request.routeOptions.url ?? 'unmatched';
