import { createHash } from 'node:crypto';
import type { Response } from 'express';

/**
 * An answer already serialized, with its entity tag: kept in a cache, it is sent as it is instead of being
 * stringified and hashed again for every reader (a city summary is large, and dashboards ask for it often).
 * `T` records what the JSON holds.
 */
export class JsonAnswer<T = unknown> {
  private constructor(
    readonly json: string,
    readonly etag: string,
  ) {}

  static of<T>(value: T): JsonAnswer<T> {
    return JsonAnswer.ofJson<T>(JSON.stringify(value));
  }

  /** An answer already written as JSON (by a reader that writes it itself). */
  static ofJson<T>(json: string): JsonAnswer<T> {
    return new JsonAnswer<T>(json, `W/"${createHash('sha1').update(json).digest('base64url')}"`);
  }
}

/**
 * Sends a JsonAnswer as its bytes with its ETag: a controller returns what this returns, with the response
 * injected as `@Res({ passthrough: true })`. Express answers 304 Not Modified itself when If-None-Match names
 * the tag, and computes no tag of its own when one is set. (A global interceptor would do the same for every
 * route, at the cost of an async-context bind and an observable per request, measurable under load.)
 */
export async function sendJsonAnswer(response: Response, answer: Promise<JsonAnswer>): Promise<string> {
  const { json, etag } = await answer;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('ETag', etag);
  return json;
}

/**
 * Sends JSON text written elsewhere (by Postgres, say) as it is; Express adds its ETag. A controller returns what
 * this returns, with the response injected as `@Res({ passthrough: true })`.
 */
export function sendJsonText(response: Response, json: string): string {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  return json;
}
