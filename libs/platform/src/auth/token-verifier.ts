import type * as Jose from 'jose';
import { AuthConfig } from './auth-config';
import { Principal, principalFromClaims } from './principal';

/** Asymmetric algorithms only: a shared secret would let every service mint tokens, and `none` is never accepted. */
const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

/** A request that did not prove who sent it (401). `reason` is safe to show: it never contains the token. */
export class Unauthenticated extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unauthenticated';
  }
}

/** jose is an ES module: loaded on first use, so that code importing this file (tests of modules) need not load it. */
const loadJose = (): Promise<typeof Jose> => import('jose');

/** Verifies bearer tokens: signature, issuer, audience, expiry and not-before, then the claims we need. */
export class TokenVerifier {
  private keys?: Jose.JWTVerifyGetKey;

  constructor(private readonly config: AuthConfig) {}

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
    if (!authorization) throw new Unauthenticated('a bearer token is required');
    if (!match) throw new Unauthenticated('the Authorization header must be "Bearer <JWT>"');
    const jose = await loadJose();
    this.keys ??= this.config.jwksUrl
      ? jose.createRemoteJWKSet(new URL(this.config.jwksUrl))
      : jose.createLocalJWKSet(this.config.jwks as Parameters<typeof jose.createLocalJWKSet>[0]);
    try {
      const { payload } = await jose.jwtVerify(match[1], this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      });
      const principal = principalFromClaims(payload as Record<string, unknown>);
      if (typeof principal === 'string') throw new Unauthenticated(principal);
      return principal;
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      throw new Unauthenticated(describe(jose.errors, error));
    }
  }
}

function describe(errors: typeof Jose.errors, error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by a trusted key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  return 'the token is malformed';
}
