import { readFileSync } from 'node:fs';

export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Keys from a JWKS URL (an identity provider), refreshed as it rotates them … */
  readonly jwksUrl?: string;
  /** … or from a JWKS file (the development key `npm start` generates). */
  readonly jwks?: { keys: object[] };
}

/**
 * Token verification settings from the environment. A service that records or reads civic records refuses to
 * start without them: there is no unauthenticated mode to fall into by accident.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set (npm start sets them for the development key)');
  if (env.AUTH_JWKS_URL) return { issuer, audience, jwksUrl: env.AUTH_JWKS_URL };
  if (env.AUTH_JWKS_FILE) return { issuer, audience, jwks: JSON.parse(readFileSync(env.AUTH_JWKS_FILE, 'utf8')) as { keys: object[] } };
  throw new Error('AUTH_JWKS_URL or AUTH_JWKS_FILE must name the keys tokens are signed with');
}
