import type * as Jose from 'jose';
import { SigningKey } from './dev-auth';

export interface TokenClaims {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /** A jose time span: '8h', '30m', '7d'. */
  readonly expiresIn: string;
}

/** jose is an ES module: loaded on first use, so that tests importing this lib need not load it. */
let joseModule: Promise<typeof Jose> | undefined;

/** A development token signed with this machine's key (`npm run cli -- token`, and the demo data loader). */
export async function mintToken(key: SigningKey, claims: TokenClaims): Promise<string> {
  const { importJWK, SignJWT } = await (joseModule ??= import('jose'));
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  return new SignJWT({ roles: [...claims.roles], units: [...claims.units] })
    .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid, typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(key.issuer)
    .setAudience(key.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(claims.expiresIn)
    .sign(privateKey);
}
