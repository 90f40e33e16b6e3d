import type { FastifyInstance } from 'fastify';
import { InvalidRequest, MalformedJson } from './problem-details';
import { jsonNestingExceeds, jsonTextMayHoldRefused, refusedTextIn } from './input-text';

/** Request bodies are limited to 256 KiB (413 past it). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The deepest nesting a body may have. The deepest request is four levels (a correction's meeting's report's
 * presenter); anything near this limit is not a civic record but an attempt to exhaust the server.
 */
export const MAX_JSON_DEPTH = 64;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Replaces Fastify's JSON body parser with one that refuses, as 400 naming the place, what the default one lets
 * through to the application: bytes that are not UTF-8 (decoded leniently, they would be stored as U+FFFD),
 * nesting deeper than MAX_JSON_DEPTH (a stack overflow further on), and strings holding characters no record may
 * hold (input-text.ts). Parsing itself stays Fastify's, which refuses `__proto__` and `constructor` poisoning.
 */
export function useStrictJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (request, raw: Buffer, done) => {
    let text: string;
    try {
      text = STRICT_UTF8.decode(raw);
    } catch {
      return done(new InvalidRequest([{ field: '/', message: 'the body is not valid UTF-8' }]), undefined);
    }
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      return done(new InvalidRequest([{ field: '/', message: `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
    }
    parseJson(request, text, (error, body) => {
      if (error) return done(new MalformedJson(), undefined);
      const refused = jsonTextMayHoldRefused(text) ? refusedTextIn(body) : [];
      return refused.length > 0 ? done(new InvalidRequest(refused), undefined) : done(null, body);
    });
  });
}
