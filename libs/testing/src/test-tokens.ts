import { createPrivateKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { readSigningKey, SigningKey } from '@civic/local-run';

export interface TestTokenOptions {
  readonly subject?: string;
  readonly roles?: readonly string[];
  readonly units?: readonly string[];
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresIn?: number;
  /** Seconds from now before which the token is not valid. */
  readonly notBefore?: number;
  readonly issuer?: string;
  readonly audience?: string;
  /** Claims to leave out, to test that they are required. */
  readonly omit?: readonly ('sub' | 'exp' | 'roles' | 'units' | 'iss' | 'aud')[];
  /** Sign with another key than the one the services trust. */
  readonly signedByStranger?: boolean;
}

let trusted: SigningKey | undefined;
let stranger: KeyObject | undefined;

/** The key `npm test` generated for this run, which the services of a RunningSystem trust. */
export function testSigningKey(): SigningKey {
  const file = process.env.CIVIC_TEST_SIGNING_KEY_FILE;
  if (!file) throw new Error('CIVIC_TEST_SIGNING_KEY_FILE is not set: run tests through `npm test`');
  trusted ??= readSigningKey(file);
  return trusted;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A bearer token for tests, signed ES256 with node:crypto so that tests can also craft the tokens a library
 * would refuse to make (expired, wrong audience, unsigned, signed by a stranger, claims missing).
 */
export function testToken(options: TestTokenOptions = {}): string {
  const key = testSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    sub: options.subject ?? 'test-administrator',
    roles: options.roles ?? ['administrator'],
    units: options.units ?? [],
    iss: options.issuer ?? key.issuer,
    aud: options.audience ?? key.audience,
    iat: now,
    exp: now + (options.expiresIn ?? 600),
    ...(options.notBefore !== undefined ? { nbf: now + options.notBefore } : {}),
  };
  for (const claim of options.omit ?? []) delete claims[claim];
  const input = `${encode({ alg: 'ES256', typ: 'JWT', kid: key.privateJwk.kid })}.${encode(claims)}`;
  stranger ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const signingKey = options.signedByStranger ? stranger : createPrivateKey({ key: key.privateJwk as never, format: 'jwk' });
  return `${input}.${sign('sha256', Buffer.from(input), { key: signingKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** An unsecured token (`alg: none`) with otherwise valid claims: must never be accepted. */
export function unsignedToken(options: TestTokenOptions = {}): string {
  const [, claims] = testToken(options).split('.');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${claims}.`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
