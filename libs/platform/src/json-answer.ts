import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import accepts from 'accepts';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import type { HttpReply } from './http';

/** Smaller answers go uncompressed: below this, the gzip header and framing save next to nothing. */
const GZIP_FROM_BYTES = 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * An answer already serialized, with its entity tag: kept in a cache, it is sent as it is instead of being
 * stringified and hashed again for every reader (a city summary is large, and dashboards ask for it often).
 * `T` records what the JSON holds.
 */
export class JsonAnswer<T = unknown> {
  private utf8?: Buffer;
  private gzip?: Buffer;

  private constructor(
    readonly json: string,
    readonly etag: string,
  ) {}

  /** The JSON as UTF-8, encoded once for every reader of a cached answer. */
  bytes(): Buffer {
    return (this.utf8 ??= Buffer.from(this.json, 'utf8'));
  }

  /** The JSON gzipped, compressed once for every reader of a cached answer (a city summary shrinks about tenfold). */
  gzipped(): Buffer {
    return (this.gzip ??= gzipSync(this.bytes()));
  }

  static of<T>(value: T): JsonAnswer<T> {
    return JsonAnswer.ofJson<T>(JSON.stringify(value));
  }

  /** An answer already written as JSON (by a reader that writes it itself). */
  static ofJson<T>(json: string): JsonAnswer<T> {
    return new JsonAnswer<T>(json, `W/"${createHash('sha1').update(json).digest('base64url')}"`);
  }
}

/**
 * Sends a JsonAnswer as its bytes with its ETag, gzipped to a reader that accepts gzip (browsers and dashboards
 * do): a controller injects the reply as `@Res()` and awaits this. A reader whose If-None-Match names the tag is
 * answered 304 Not Modified. The tag is weak, so the gzipped and plain bytes share it (RFC 9110 8.8.1: the same
 * content in either encoding).
 */
export async function sendJsonAnswer(reply: HttpReply, answer: Promise<JsonAnswer>): Promise<void> {
  const found = await answer;
  const request = reply.request.raw;
  reply.headers({ 'content-type': JSON_TYPE, etag: found.etag, vary: 'Accept-Encoding' });
  if ((request.method === 'GET' || request.method === 'HEAD') && fresh(request.headers, { etag: found.etag })) {
    reply.status(304).send();
    return;
  }
  if (found.json.length >= GZIP_FROM_BYTES && acceptsGzip(request)) {
    reply.header('content-encoding', 'gzip').send(found.gzipped());
    return;
  }
  reply.send(found.bytes());
}

/** Accept-Encoding values already negotiated: clients send one of a handful, and negotiating is not free. */
const gzipAcceptedBy = new LRUCache<string, boolean>({ max: 256 });

function acceptsGzip(request: HttpReply['request']['raw']): boolean {
  const header = request.headers['accept-encoding'] ?? '';
  let accepted = gzipAcceptedBy.get(header);
  if (accepted === undefined) gzipAcceptedBy.set(header, (accepted = accepts(request).encoding(['gzip', 'identity']) === 'gzip'));
  return accepted;
}

/**
 * Sends JSON text written elsewhere (by Postgres, say) as it is. A controller returns what this returns, with
 * the reply injected as `@Res({ passthrough: true })`.
 */
export function sendJsonText(reply: HttpReply, json: string): string {
  reply.header('content-type', JSON_TYPE);
  return json;
}
