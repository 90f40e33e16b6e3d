import { Pool } from 'pg';
import { isCivicDate, UNIT_CODE_PATTERN } from '@civic/domain';
import { AccessRule, NamedUnit } from './access-rule';
import { Jurisdiction, When } from './jurisdiction';
import { Principal, Role, SCOPED_ROLES } from './principal';

/** A caller who is known but may not do this (403). `detail` says why in words an official would understand. */
export class Forbidden extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'Forbidden';
  }
}

const RECORDERS: readonly Role[] = ['ward-clerk', 'district-officer', 'city-officer', 'administrator'];
const READERS: readonly Role[] = ['ward-clerk', 'district-officer', 'city-officer', 'auditor', 'administrator'];
/** Roles whose rights are not bounded by units. */
const NATIONAL: readonly Role[] = ['auditor', 'administrator'];
const AUDITORS: readonly Role[] = ['auditor', 'administrator'];
const ADMINISTRATORS: readonly Role[] = ['administrator'];
const NAME_READERS: readonly Role[] = ['integration-reader', 'administrator'];

/** What a request says about its unit and date, read before validation: malformed values are left to it (400). */
export interface RequestFacts {
  readonly unit: unknown;
  readonly date?: unknown;
  readonly year?: unknown;
  /** A read of one record that is not on record: the reader answers 404 to everyone alike. */
  readonly noSuchRecord?: boolean;
  /** The unit and date of the existing record a command changes, when it exists. */
  readonly existing?: { readonly unitCode: string; readonly occurredOn: string };
  /** The other units a command names; `mayBeAbove`: a body of a unit above the fact's own may take part. */
  readonly named?: readonly (NamedUnit & { readonly mayBeAbove: boolean })[];
}

/**
 * Who may do what, in one place. Roles decide the kind of action; the units a subject acts for decide where,
 * by the hierarchy of the date concerned. Administrators and auditors are not bounded by units.
 */
export class AccessPolicy {
  private readonly jurisdiction: Jurisdiction;

  constructor(pool: Pool) {
    this.jurisdiction = new Jurisdiction(pool);
  }

  async decide(principal: Principal, rule: AccessRule, facts: RequestFacts): Promise<void> {
    switch (rule.kind) {
      case 'public':
      case 'reference':
        return;
      case 'audit':
        return this.requireRole(principal, AUDITORS, 'read the event log', 'auditors and administrators');
      case 'erasure':
        return this.requireRole(principal, ADMINISTRATORS, 'erase a person’s data', 'administrators');
      case 'personal-data-key':
        return this.requireRole(principal, NAME_READERS, 'read the keys of people’s names', 'integrations authorised to read names (integration-reader) and administrators');
      case 'read':
        this.requireRole(principal, READERS, 'read summaries and lists', 'clerks, officers, auditors and administrators');
        if (facts.noSuchRecord) return;
        return this.requireJurisdiction(principal, facts.unit, typeof facts.year === 'string' && /^\d{4}$/.test(facts.year) ? { year: Number(facts.year) } : 'ever', 'read');
      case 'record':
        this.requireRole(principal, RECORDERS, 'record civic facts', 'clerks, officers and administrators');
        if (facts.existing) await this.requireJurisdiction(principal, facts.existing.unitCode, { date: facts.existing.occurredOn }, 'change a record of');
        // A missing or malformed unit or date is left to validation (400); the existing record's unit stands in
        // for commands that name none (a revocation is of the commendation's unit).
        const unit = facts.unit ?? facts.existing?.unitCode;
        if (typeof unit === 'string' && isCivicDate(facts.date)) {
          await this.requireJurisdiction(principal, unit, { date: facts.date as string }, 'record for');
          await this.requireNamedUnits(principal, unit, facts.date as string, facts.named ?? []);
        }
        return;
    }
  }

  private requireRole(principal: Principal, allowed: readonly Role[], action: string, who: string): void {
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new Forbidden('ACCESS.ROLE_NOT_ALLOWED', `Your roles (${principal.roles.join(', ')}) do not allow you to ${action}; that is for ${who}.`);
    }
  }

  /**
   * A record names only bodies the recorder answers for: a clerk cannot attribute a fact to another ward's
   * committee. Bodies of units above the fact's own may take part where the rule says so (`mayBeAbove`).
   */
  private async requireNamedUnits(principal: Principal, factUnit: string, date: string, named: NonNullable<RequestFacts['named']>): Promise<void> {
    if (principal.roles.some((role) => NATIONAL.includes(role))) return;
    const when = { date };
    for (const { field, unit, mayBeAbove } of named) {
      if (typeof unit !== 'string' || !UNIT_CODE_PATTERN.test(unit)) continue; // malformed: validation answers 400
      if (await this.jurisdiction.contains(principal.units, unit, when)) continue;
      if (mayBeAbove && (await this.jurisdiction.contains([unit], factUnit, when))) continue;
      const above = mayBeAbove ? `, or of a unit above ${factUnit} taking part in its meeting` : '';
      throw new Forbidden(
        'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION',
        `${field} names unit ${unit}, which is outside the units you act for (${principal.units.join(', ') || 'none'}) on ${date}. A record may name only bodies of your units${above}.`,
      );
    }
  }

  private async requireJurisdiction(principal: Principal, unit: unknown, when: When, action: string): Promise<void> {
    if (principal.roles.some((role) => NATIONAL.includes(role))) return;
    const scoped = principal.roles.some((role) => SCOPED_ROLES[role]);
    if (unit === undefined) {
      throw new Forbidden('ACCESS.UNIT_REQUIRED', `Name the unit (unitCode) you want to ${action}: you act for ${principal.units.join(', ')} only.`);
    }
    if (typeof unit !== 'string' || !UNIT_CODE_PATTERN.test(unit)) return; // malformed: validation answers 400
    if (!scoped || !(await this.jurisdiction.contains(principal.units, unit, when))) {
      const moment = when === 'ever' ? '' : 'date' in when ? ` on ${when.date}` : ` in ${when.year}`;
      const ended = (await this.jurisdiction.endedBefore(principal.units, when))
        .map(({ code, name, lastDay }) => ` ${name} (${code}) existed until ${lastDay}: your token reads its records up to that day; for later ones ask for a token for your commune or city.`)
        .join('');
      throw new Forbidden('ACCESS.OUTSIDE_JURISDICTION', `Unit ${unit} is outside the units you act for (${principal.units.join(', ') || 'none'})${moment}, so you may not ${action} it.${ended}`);
    }
  }
}
