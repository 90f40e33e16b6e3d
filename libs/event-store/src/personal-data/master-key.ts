import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pooledRandomBytes } from './random-pool';

/**
 * The key that wraps every data key (docs/adr/0059): 32 bytes from configuration (PERSONAL_DATA_MASTER_KEY, base64,
 * or PERSONAL_DATA_MASTER_KEY_FILE), never stored with the data keys it wraps. Its id (a digest) is stored beside
 * each wrapped key, so a store read with the wrong master key says so rather than failing to open.
 */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function masterKeyOf(base64: string): MasterKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`must be 32 bytes in base64 (it is ${key.length}); make one with \`openssl rand -base64 32\``);
  return { id: createHash('sha256').update('civic-records personal data master key').update(key).digest('hex').slice(0, 16), key };
}

let configured: { readonly source: string; readonly key: MasterKey | undefined } | undefined;

/**
 * The master key from PERSONAL_DATA_MASTER_KEY or the file PERSONAL_DATA_MASTER_KEY_FILE names; undefined if neither.
 * Read once for the settings a process has, not for every batch a projection applies.
 */
export function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): MasterKey | undefined {
  const source = `${env.PERSONAL_DATA_MASTER_KEY ?? ''}\n${env.PERSONAL_DATA_MASTER_KEY_FILE ?? ''}`;
  if (configured?.source !== source) {
    const key = env.PERSONAL_DATA_MASTER_KEY
      ? masterKeyOf(env.PERSONAL_DATA_MASTER_KEY)
      : env.PERSONAL_DATA_MASTER_KEY_FILE
        ? masterKeyOf(readFileSync(env.PERSONAL_DATA_MASTER_KEY_FILE, 'utf8'))
        : undefined;
    configured = { source, key };
  }
  return configured.key;
}

/** AES-256-GCM of a data key under the master key, bound to the data key's id. */
export function wrapDataKey(dataKey: Buffer, keyId: string, master: MasterKey): Buffer {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(Buffer.from(keyId));
  return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
}

export function unwrapDataKey(wrapped: Buffer, keyId: string, master: MasterKey): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master.key, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
}
