import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a caller may send as X-Correlation-Id: short, and safe to log and to store in an event's metadata. */
export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const assigned = Symbol('correlationId');

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is a valid one, else a new UUID. Kept on the
 * request, so Fastify (its `request.id`), the log lines and the recorded events all read the same id. An invalid
 * header gets an id of its own here; records-api refuses it as a command (400 naming the header).
 */
export function correlationIdOf(request: IncomingMessage): string {
  const held = request as IncomingMessage & { [assigned]?: string };
  if (held[assigned]) return held[assigned];
  const header = request.headers['x-correlation-id'];
  const id = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
  held[assigned] = id;
  return id;
}
