import { RolledUpVersion, UnitBranch, withinYear } from '@civic/admin-units';
import { Figures, readFigures, SqlExecutor } from '@civic/projections';
import { UnitLevel } from '@civic/domain';

/** The figures of one unit directly below the summarised one, and the dates of the year it sat there. */
export interface ChildFigures extends Figures {
  readonly code: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * A summary broken down by the units directly below it: each with its own bodies and everything below it, by the
 * hierarchy of each fact's date, as the summary counts them. A child renamed or moved during the year is a row
 * per name. A grant made jointly by bodies of two children is in both rows, once in the summary.
 */
export async function childBreakdown(sql: SqlExecutor, spans: readonly RolledUpVersion[], year: number): Promise<ChildFigures[]> {
  const branches = new Map<string, { branch: UnitBranch; spans: RolledUpVersion[] }>();
  for (const span of spans) {
    if (!span.branch) continue;
    const key = `${span.branch.code} ${span.branch.name}`;
    const group = branches.get(key) ?? branches.set(key, { branch: span.branch, spans: [] }).get(key)!;
    group.spans.push(span);
  }
  const rows: ChildFigures[] = [];
  for (const { branch, spans: below } of branches.values()) {
    const during = below.filter((s) => s.code === branch.code && s.name === branch.name).map((s) => withinYear(s, year)).filter((s) => s !== undefined);
    const figures = await readFigures(sql, below, year);
    // A child below the unit only outside the year still has a row when a grant for the year was made by it.
    if (!during.length && !figures.commendations.grants && !figures.commendations.revoked) continue;
    const from = during.length ? during.map((s) => s.from as string).reduce((a, b) => (a < b ? a : b)) : null;
    const to = during.length ? during.map((s) => s.to as string).reduce((a, b) => (a > b ? a : b)) : null;
    rows.push({ code: branch.code, level: branch.level, name: branch.name, from, to, ...figures });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code) || (a.from ?? '').localeCompare(b.from ?? ''));
}
