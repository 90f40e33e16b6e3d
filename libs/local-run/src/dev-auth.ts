import { createPublicKey, generateKeyPairSync, JsonWebKey, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A signing key of this machine: the private JWK (never leaves it) and what tokens must say to be accepted. */
export interface SigningKey {
  readonly issuer: string;
  readonly audience: string;
  readonly privateJwk: JsonWebKey & { kid: string; alg: 'ES256' };
  /** The public keys as a JWKS file, for AUTH_JWKS_FILE. */
  readonly jwksFile: string;
}

export const SIGNING_KEY_FILE = 'signing-key.json';

/**
 * The development (or test) signing key in `directory`, generated on first use: an ES256 key pair, the private
 * half readable by its owner only. Services verify against the public half; `npm run cli -- token` signs with
 * the private half.
 */
export function ensureSigningKey(directory: string, issuer: string, audience: string): SigningKey {
  const keyFile = join(directory, SIGNING_KEY_FILE);
  const jwksFile = join(directory, 'jwks.json');
  if (!existsSync(keyFile)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256' as const, use: 'sig' };
    writeFileSync(keyFile, JSON.stringify({ issuer, audience, privateJwk }, null, 2), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    const { d: _private, ...publicJwk } = privateJwk;
    writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
  }
  return { ...(JSON.parse(readFileSync(keyFile, 'utf8')) as Omit<SigningKey, 'jwksFile'>), jwksFile };
}

export function readSigningKey(keyFile: string): SigningKey {
  const key = JSON.parse(readFileSync(keyFile, 'utf8')) as Omit<SigningKey, 'jwksFile'>;
  createPublicKey({ key: key.privateJwk, format: 'jwk' }); // fails early on a damaged file
  return { ...key, jwksFile: join(keyFile, '..', 'jwks.json') };
}

/** The environment a service needs to verify tokens signed with the key. */
export function authEnvironment(key: SigningKey): Record<string, string> {
  return { AUTH_ISSUER: key.issuer, AUTH_AUDIENCE: key.audience, AUTH_JWKS_FILE: key.jwksFile };
}
