import { CivicDate } from '../shared/civic-date';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { foldForSearch } from '../shared/text-folding';
import { UnitCode } from '../shared/unit-code';
import { awardName } from './commendation-vocabulary';
import { CommendationGrantedData } from './commendation.events';
import { LEGAL_REGIMES, regimeOn } from './legal-regime';

/**
 * One achievement, one award (domain-reference §1.8: "không khen thưởng nhiều lần, nhiều hình thức cho một thành
 * tích"): a recipient may not be granted the same award for the same achievement period twice. Each grant reserves
 * its achievements, one stream per reservation, appended with the grant in one transaction: a second grant meets the
 * first one's reservation and is refused, naming it. A revocation releases them.
 */
export const AWARD_RESERVATION_STREAM_TYPE = 'award-reservation';

export interface AwardReserved {
  readonly type: 'AwardReserved';
  readonly data: {
    /** What is reserved, in words: the issuer, award, achievement year and recipient. */
    readonly achievement: string;
    readonly commendationId: string;
    readonly grantedOn: CivicDate;
    readonly unitCode: UnitCode;
  };
}

export interface AwardReservationReleased {
  readonly type: 'AwardReservationReleased';
  readonly data: { readonly achievement: string; readonly commendationId: string; readonly revokedOn: CivicDate; readonly unitCode: UnitCode };
}

export type AwardReservationEvent = AwardReserved | AwardReservationReleased;

export const AWARD_RESERVATION_EVENT_SCHEMA_VERSIONS: Record<AwardReservationEvent['type'], number> = { AwardReserved: 1, AwardReservationReleased: 1 };

/**
 * The achievements a grant reserves, each of one issuer (a body of a unit), award and achievement year. A named
 * recipient is known by its folded name (names repeat across the country, not within one body's grant lists); a
 * grant that counts its recipients without naming them is known by its whole description: the same counts and reason.
 */
export function achievementsOf(grant: Pick<CommendationGrantedData, 'issuer' | 'award' | 'forYear' | 'recipients' | 'reason'>): string[] {
  const award = grant.award.form ?? grant.award.title;
  const at = `${grant.issuer.body}@${grant.issuer.unitCode} ${award} ${grant.forYear}`;
  const named = (['individuals', 'collectives', 'households'] as const).flatMap((kind) =>
    (grant.recipients[kind]?.names ?? []).map((name) => `${at} ${kind} ${foldForSearch(name)}`),
  );
  const counted = (['individuals', 'collectives', 'households'] as const).filter((kind) => grant.recipients[kind]?.count !== undefined);
  const unnamed = counted.length
    ? [`${at} ${counted.map((kind) => `${kind}=${grant.recipients[kind]?.count}`).join(' ')} ${foldForSearch(grant.reason)}`]
    : [];
  return [...new Set([...named, ...unnamed])];
}

/** Whether an achievement names this person (folded): the named kinds end with the name, as achievementsOf writes them. */
export function achievementNames(achievement: string, foldedPerson: string): boolean {
  return (['individuals', 'households'] as const).some((kind) => achievement.endsWith(` ${kind} ${foldedPerson}`));
}

/** The grant holding an achievement, if any: the last reservation not released since. */
export function holderOf(events: readonly AwardReservationEvent[]): string | undefined {
  const last = events[events.length - 1];
  return last?.type === 'AwardReserved' ? last.data.commendationId : undefined;
}

/** A second grant for an achievement already commended: refused, naming the first grant (409 over HTTP). */
export class AchievementAlreadyAwarded extends DomainRuleViolation {
  constructor(
    grant: Pick<CommendationGrantedData, 'award' | 'forYear' | 'grantedOn'>,
    readonly firstGrant: string,
  ) {
    const regime = regimeOn(grant.grantedOn);
    super(
      'COMMENDATION.ACHIEVEMENT_ALREADY_AWARDED',
      `A recipient of this grant was already given "${awardName(grant.award)}" for ${grant.forYear} by commendation ${firstGrant}: one achievement is commended once (không khen thưởng nhiều lần cho một thành tích).`,
      {
        field: 'recipients',
        legalBasis: regime === 'A' ? `${LEGAL_REGIMES.A.basis} (Điều 6, nguyên tắc khen thưởng)` : 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 6 (nguyên tắc khen thưởng)',
      },
    );
  }
}
