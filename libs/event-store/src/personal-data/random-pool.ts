import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 8192;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `count` bytes from the system's CSPRNG, drawn 8 KB at a time and each handed out once, as Node's own randomUUID
 * does: a call into OpenSSL for every 12-byte IV cost records-api more CPU per command than the AES-GCM it feeds
 * (docs/performance.md). For IVs and keys of a few dozen bytes; larger amounts should call randomBytes.
 */
export function pooledRandomBytes(count: number): Buffer {
  if (count > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} pooled random bytes at once (asked for ${count})`);
  if (offset + count > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}
