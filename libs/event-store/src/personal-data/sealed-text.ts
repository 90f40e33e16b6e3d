import { createCipheriv, createDecipheriv } from 'node:crypto';
import { pooledRandomBytes } from './random-pool';

/**
 * A personal field as the log stores it (docs/adr/0059): `pd1.<key id>.<base64url of iv ‖ ciphertext ‖ tag>`,
 * AES-256-GCM under the data key of one person in one record, the token's own prefix and key id as associated data
 * (a ciphertext moved under another key id does not open). A JSON string, so events keep their shape.
 */
export const SEALED_TEXT_VERSION = 'pd1';

/** What answers show in place of a person's data once it was erased. */
export const ERASED_PERSONAL_DATA = '[đã xóa theo yêu cầu]';

const SEALED = /^pd1\.([0-9a-f-]{36})\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  /** A UUID: the person-in-a-record the key belongs to, named in every token it sealed. */
  readonly keyId: string;
  /** 32 random bytes. */
  readonly key: Buffer;
}

export function sealText(plain: string, { keyId, key }: DataKey): string {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${SEALED_TEXT_VERSION}.${keyId}`));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_TEXT_VERSION}.${keyId}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The key id a sealed value names; undefined for any other value (plain text recorded before sealing began). */
export function sealedKeyIdOf(value: unknown): string | undefined {
  return typeof value === 'string' ? SEALED.exec(value)?.[1] : undefined;
}

/** Opens a sealed value with its data key; throws if the value was altered or the key is not its own. */
export function openSealedText(token: string, key: Buffer): string {
  const match = SEALED.exec(token);
  if (!match) throw new Error('not a sealed value');
  const bytes = Buffer.from(match[2], 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('a sealed value too short to hold anything');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${SEALED_TEXT_VERSION}.${match[1]}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
