import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldError, InvalidRequest, PROBLEM_CONTENT_TYPE, problemType } from './problem-details';
import { refusedCharacterIn } from './input-text';

/**
 * Path parameters and query values are text like any other: an address that is not valid percent-encoded
 * UTF-8, or that carries a refused character (input-text.ts; `%00` above all), is answered 400 naming the
 * parameter, before any guard, handler or database query sees it.
 */
export function refuseHostileAddresses(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const errors = addressErrors(request.raw.url ?? '/', request.params, request.query);
    done(errors.length > 0 ? new InvalidRequest(errors) : undefined);
  });
}

const NOT_UTF8 = 'the address is not valid percent-encoded UTF-8';

/**
 * Fastify's router answers an address it cannot decode itself, before any hook (its `frameworkErrors`); this
 * gives that answer the Problem Details every other refusal has.
 */
export function answerUndecodableAddress(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const path = (request.raw.url ?? '/').split('?')[0];
  void reply
    .status(status)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: problemType('REQUEST.INVALID'), title: 'The request is not valid', status, detail: 'The address could not be read.', code: 'REQUEST.INVALID', errors: [{ field: '/', message: NOT_UTF8 }], instance: path }));
}

export function addressErrors(rawUrl: string, params: unknown, query: unknown): FieldError[] {
  try {
    decodeURIComponent(rawUrl);
  } catch {
    return [{ field: '/', message: NOT_UTF8 }];
  }
  const errors: FieldError[] = [];
  for (const values of [params, query]) {
    if (values === null || typeof values !== 'object') continue;
    for (const [name, value] of Object.entries(values)) {
      for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
        const refusal = typeof text === 'string' ? refusedCharacterIn(text) : undefined;
        if (refusal) {
          errors.push({ field: `/${name}`, message: refusal });
          break;
        }
      }
    }
  }
  return errors;
}
