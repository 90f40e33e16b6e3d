import { UNIT_CODE_PATTERN } from '@civic/domain';

/** The roles a token can carry. Each decides what its holder may do; units decide where. */
export const ROLES = ['ward-clerk', 'district-officer', 'city-officer', 'auditor', 'integration-reader', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose rights stop at the units they act for, and the level of unit each acts for. */
export const SCOPED_ROLES: Readonly<Partial<Record<Role, 'COMMUNE' | 'DISTRICT' | 'PROVINCE'>>> = {
  'ward-clerk': 'COMMUNE',
  'district-officer': 'DISTRICT',
  'city-officer': 'PROVINCE',
};

const CODE_LENGTH = { COMMUNE: 5, DISTRICT: 3, PROVINCE: 2 } as const;

/** Who is calling, from a verified token: never from the request body. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The official codes of the units the subject acts for. */
  readonly units: readonly string[];
}

/** Reads the principal from verified claims, or says which claim is missing or wrong. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | string {
  const { sub, roles, units = [] } = claims;
  if (typeof sub !== 'string' || !sub.trim() || sub.length > 200) return 'the token has no subject (sub)';
  if (!Array.isArray(roles) || !roles.length) return 'the token names no roles';
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length) return `the token names unknown roles: ${unknown.join(', ')}`;
  if (!Array.isArray(units) || units.some((code) => typeof code !== 'string' || !UNIT_CODE_PATTERN.test(code))) {
    return 'units must be a list of official unit codes';
  }
  for (const role of roles as Role[]) {
    const level = SCOPED_ROLES[role];
    if (level && !units.some((code: string) => code.length === CODE_LENGTH[level])) {
      return `a ${role} token must name the ${level.toLowerCase()} units the subject acts for (units)`;
    }
  }
  return { subject: sub, roles: [...new Set(roles as Role[])], units: [...new Set(units as string[])] };
}
