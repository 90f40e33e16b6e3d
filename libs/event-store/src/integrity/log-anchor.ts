import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalJson } from './canonical-json';
import { LogCheckpoint } from '../event-log';

export const LOG_ANCHOR_FORMAT = 'civic-records/log-anchor/v1';

/** One event as an anchor vouches for it: where it is, what it is, and the hash its row held when it was signed. */
export interface AnchoredEvent {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** The row's event_hash (hex): it covers the content hash, the link to the stream's previous event and the place. */
  readonly eventHash: string;
}

/**
 * What a signed checkpoint states: every event of the log after `after` up to `upTo`, in commit order, with its hash.
 * Anchors follow one another without gap (`after` is the previous anchor's `upTo`, `previous` the previous anchor's
 * digest), so removing one from a copy kept elsewhere shows too.
 */
export interface LogAnchor {
  readonly format: typeof LOG_ANCHOR_FORMAT;
  readonly sequence: number;
  /** SHA-256 (hex) of the previous anchor's canonical JSON; null for the first. */
  readonly previous: string | null;
  readonly after: LogCheckpoint;
  readonly upTo: LogCheckpoint;
  readonly events: readonly AnchoredEvent[];
  readonly signedAt: string;
  readonly keyId: string;
}

/** An anchor and its Ed25519 signature (base64) over the anchor's RFC 8785 canonical JSON. */
export interface SignedLogAnchor {
  readonly anchor: LogAnchor;
  readonly signature: string;
}

export interface AnchorSigningKey {
  readonly privateKey: KeyObject;
  readonly keyId: string;
}

/** The canonical bytes an anchor's signature covers. */
export function anchorText(anchor: LogAnchor): string {
  return canonicalJson(anchor)!;
}

/** What the next anchor names as `previous`. */
export function anchorDigest(anchor: LogAnchor): string {
  return createHash('sha256').update(anchorText(anchor)).digest('hex');
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public half (SPKI DER), the same from either half. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signAnchor(anchor: Omit<LogAnchor, 'keyId'>, key: AnchorSigningKey): SignedLogAnchor {
  const complete: LogAnchor = { ...anchor, keyId: key.keyId };
  return { anchor: complete, signature: sign(null, Buffer.from(anchorText(complete)), key.privateKey).toString('base64') };
}

/** Whether one of the trusted public keys, the one the anchor names, signed exactly this anchor. */
export function anchorSignatureIsValid(signed: SignedLogAnchor, trusted: ReadonlyMap<string, KeyObject>): boolean {
  const key = trusted.get(signed.anchor?.keyId);
  if (!key || typeof signed.signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(anchorText(signed.anchor)), key, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The anchor signing key from a PEM file (PKCS #8, Ed25519). */
export function readAnchorSigningKey(file: string): AnchorSigningKey {
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  return { privateKey, keyId: keyIdOf(privateKey) };
}

/** Trusted public keys by id, from PEM files (a private key file gives its public half). */
export function readAnchorPublicKeys(files: readonly string[]): Map<string, KeyObject> {
  return new Map(
    files.map((file) => {
      const publicKey = createPublicKey(readFileSync(file));
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
      return [keyIdOf(publicKey), publicKey];
    }),
  );
}

/** Signed anchors from JSON lines (the anchor file the relay writes; blank lines ignored). */
export function parseAnchorLines(text: string): SignedLogAnchor[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line)
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as SignedLogAnchor;
      } catch {
        throw new Error(`line ${number} of the anchor file is not JSON`);
      }
    });
}
