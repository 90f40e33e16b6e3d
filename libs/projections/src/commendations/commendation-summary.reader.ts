import { SqlExecutor } from '../projection';
import { spanArrays, UnitSpan } from '../unit-spans';

export interface RecipientTotals {
  readonly collectives: number;
  readonly individuals: number;
  readonly households: number;
}

export interface CommendationSummary {
  /** Grants in force: revoked ones are counted apart, never in these figures. */
  readonly grants: number;
  readonly revoked: number;
  readonly recipients: RecipientTotals;
  /**
   * The part of `recipients` that came from counts the source gave as approximate ("khoảng") or as a lower bound
   * ("hơn"): all zero when every figure is exact.
   */
  readonly recipientsNotExact: RecipientTotals;
  readonly byAward: readonly { readonly awardKind: 'FORM' | 'TITLE'; readonly award: string; readonly grants: number; readonly recipients: RecipientTotals }[];
}

interface AwardRow {
  award_kind: 'FORM' | 'TITLE';
  award: string;
  grants: number;
  revoked: number;
  collectives: number;
  individuals: number;
  households: number;
  collectives_not_exact: number;
  individuals_not_exact: number;
  households_not_exact: number;
}

/**
 * What the bodies of the units spanned granted for achievements of a year, each grant counted once (joint issuers
 * may fall in two spans) when its grant date falls within the span of one of its grantors' units.
 */
export async function readCommendationSummary(sql: SqlExecutor, spans: readonly UnitSpan[], year: number): Promise<CommendationSummary> {
  const { rows } = await sql.query<AwardRow>(
    `SELECT award_kind, award,
            count(*) FILTER (WHERE revoked_on IS NULL)::int AS grants,
            count(*) FILTER (WHERE revoked_on IS NOT NULL)::int AS revoked,
            coalesce(sum(collectives) FILTER (WHERE revoked_on IS NULL), 0)::int AS collectives,
            coalesce(sum(individuals) FILTER (WHERE revoked_on IS NULL), 0)::int AS individuals,
            coalesce(sum(households) FILTER (WHERE revoked_on IS NULL), 0)::int AS households,
            coalesce(sum(collectives) FILTER (WHERE revoked_on IS NULL AND recipient_qualifiers ? 'collectives'), 0)::int AS collectives_not_exact,
            coalesce(sum(individuals) FILTER (WHERE revoked_on IS NULL AND recipient_qualifiers ? 'individuals'), 0)::int AS individuals_not_exact,
            coalesce(sum(households) FILTER (WHERE revoked_on IS NULL AND recipient_qualifiers ? 'households'), 0)::int AS households_not_exact
     FROM rm_commendations c
     WHERE c.grantor_units && $2::text[] AND c.for_year = $1 AND c.withdrawn_on IS NULL
       AND EXISTS (SELECT 1 FROM unnest($2::text[], $3::date[], $4::date[]) AS span(code, from_date, to_date)
                   WHERE span.code = ANY(c.grantor_units)
                     AND c.granted_on >= coalesce(span.from_date, '-infinity'::date) AND c.granted_on <= coalesce(span.to_date, 'infinity'::date))
     GROUP BY award_kind, award ORDER BY award_kind, award`,
    [year, ...spanArrays(spans)],
  );
  const sum = (pick: (row: AwardRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const recipientsOf = (row: AwardRow) => ({ collectives: row.collectives, individuals: row.individuals, households: row.households });
  return {
    grants: sum((r) => r.grants),
    revoked: sum((r) => r.revoked),
    recipients: { collectives: sum((r) => r.collectives), individuals: sum((r) => r.individuals), households: sum((r) => r.households) },
    recipientsNotExact: {
      collectives: sum((r) => r.collectives_not_exact),
      individuals: sum((r) => r.individuals_not_exact),
      households: sum((r) => r.households_not_exact),
    },
    byAward: rows.filter((r) => r.grants > 0).map((r) => ({ awardKind: r.award_kind, award: r.award, grants: r.grants, recipients: recipientsOf(r) })),
  };
}
