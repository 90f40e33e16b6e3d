import { createHash, randomUUID } from 'node:crypto';
import { CommandContext, EventMetadata } from '@civic/event-store';
import { AuthenticatedRequest, headerOf, HttpRequest, InvalidRequest, PreconditionRequired, traceHeadersOfRequest } from '@civic/platform';

const TOKEN_LIKE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The actor of an event: the verified token's subject and roles, never anything from the request body. */
function actorOf(request: HttpRequest): EventMetadata['actor'] {
  const principal = (request as AuthenticatedRequest).principal;
  if (!principal) throw new Error('A command reached its handler without an authenticated principal');
  return { subject: principal.subject, roles: [...principal.roles] };
}

/**
 * The version named by If-Match ("3" or W/"3", as our ETags are written). Corrections and revocations must send
 * it: a change decided on a version someone else has since changed is refused with 412.
 */
export function requiredIfMatch(request: HttpRequest): number {
  const version = optionalIfMatch(request);
  if (version === undefined) throw new PreconditionRequired();
  return version;
}

/** The version named by If-Match when one is sent (additions such as reviews honour it but do not need it). */
export function optionalIfMatch(request: HttpRequest): number | undefined {
  const header = headerOf(request, 'if-match');
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new InvalidRequest([{ field: 'If-Match', message: 'must be an ETag this API gave, such as "1"' }]);
  return Number(match[1]);
}

/**
 * Metadata and idempotency of one HTTP command: who, which request, which command. The correlation id is the
 * request's (the caller's X-Correlation-Id, else the one generated for it), the same its log line and answer carry.
 */
export function commandContextFrom(request: HttpRequest, scope: string, body: object, expectedVersion?: number): CommandContext {
  const commandId = randomUUID();
  const correlationHeader = headerOf(request, 'x-correlation-id');
  if (correlationHeader !== undefined && !TOKEN_LIKE.test(correlationHeader)) {
    throw new InvalidRequest([{ field: 'X-Correlation-Id', message: 'must be 1-128 letters, digits or . _ : -' }]);
  }
  const key = headerOf(request, 'idempotency-key');
  if (key !== undefined && !TOKEN_LIKE.test(key)) {
    throw new InvalidRequest([{ field: 'Idempotency-Key', message: 'must be 1-128 letters, digits or . _ : -' }]);
  }
  const actor = actorOf(request);
  return {
    metadata: { actor, correlationId: String(request.id), causationId: commandId, commandId, ...traceHeadersOfRequest(request) },
    idempotency: key
      ? { scope: `${scope} ${actor.subject}`, key, requestHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') }
      : undefined,
    newEventId: randomUUID,
    expectedVersion,
  };
}
