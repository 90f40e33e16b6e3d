import { importJWK, SignJWT } from 'jose';
import { SigningKey } from './dev-auth';

export interface TokenClaims {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /** A jose time span: '8h', '30m', '7d'. */
  readonly expiresIn: string;
}

/** A development token signed with this machine's key (`npm run cli -- token`, and the demo data loader). */
export async function mintToken(key: SigningKey, claims: TokenClaims): Promise<string> {
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
