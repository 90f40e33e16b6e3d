import type * as Jose from 'jose';
import { LRUCache } from 'lru-cache';
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
let joseModule: Promise<typeof Jose> | undefined;
const loadJose = (): Promise<typeof Jose> => (joseModule ??= import('jose'));

/**
 * How long a verified token is trusted without checking its signature again: never past its expiry, and not
 * so long that a key withdrawn from the JWKS goes on being honoured for more than a minute.
 */
const REVERIFY_AFTER_MS = 60_000;

/** Verifies bearer tokens: signature, issuer, audience, expiry and not-before, then the claims we need. */
export class TokenVerifier {
  private keys?: Jose.JWTVerifyGetKey;
  /**
   * Tokens already verified: a dashboard sends the same token with every request, and an ES256 verification
   * costs more CPU than answering a cached summary. Only successes are kept, each until its expiry or a minute.
   */
  private readonly verified: LRUCache<string, Principal>;

  /** `now`: the clock (milliseconds since the epoch) of expiries and of the cache; tests move it. */
  constructor(
    private readonly config: AuthConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.verified = new LRUCache<string, Principal>({ max: 10_000, ttlResolution: 0, perf: { now } });
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
    if (!authorization) throw new Unauthenticated('a bearer token is required');
    if (!match) throw new Unauthenticated('the Authorization header must be "Bearer <JWT>"');
    const known = this.verified.get(match[1]);
    if (known) return known;
    const { principal, expiresAt } = await this.verifySignatureAndClaims(match[1]);
    const ttl = Math.min(expiresAt - this.now(), REVERIFY_AFTER_MS);
    if (ttl > 0) this.verified.set(match[1], principal, { ttl });
    return principal;
  }

  private async verifySignatureAndClaims(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    const jose = await loadJose();
    this.keys ??= this.config.jwksUrl
      ? jose.createRemoteJWKSet(new URL(this.config.jwksUrl))
      : jose.createLocalJWKSet(this.config.jwks as Parameters<typeof jose.createLocalJWKSet>[0]);
    try {
      const { payload } = await jose.jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      });
      const principal = principalFromClaims(payload as Record<string, unknown>);
      if (typeof principal === 'string') throw new Unauthenticated(principal);
      return { principal, expiresAt: (payload.exp as number) * 1000 };
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
