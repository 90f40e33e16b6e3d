import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { UnitLevel } from '@civic/domain';
import { rollUp, UnitRegistryReader, withinYear } from '@civic/admin-units';
import { codesOf, Figures, readFigures } from '@civic/projections';
import { SummaryReads } from '../summary-cache/summary-reads';
import { ChildFigures, childBreakdown } from './child-breakdown';

export class GetUnitSummary {
  constructor(
    readonly level: Exclude<UnitLevel, 'COMMUNE'>,
    readonly unitCode: string,
    readonly year: number,
    /** Answer as the summary stood at this moment; the live read models when absent. */
    readonly asOf?: Date,
    /** Break the figures down by the units directly below (`children`). */
    readonly byChild = false,
  ) {}
}

export interface UnitSummary extends Figures {
  readonly unitCode: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly year: number;
  /**
   * The unit versions rolled up, each with the dates of the year during which its facts count here: the unit's own
   * bodies, then every unit below it, by the hierarchy of each date.
   */
  readonly units: readonly RolledUpUnit[];
  /** True when some unit was in this summary for only part of the year (merged, moved, renamed, abolished). */
  readonly mapChangedDuringYear: boolean;
  /** The figures of each unit directly below, when asked for (`breakdown=children`). */
  readonly children?: readonly ChildFigures[];
  /** Present when the summary was asked as of a moment. */
  readonly asOf?: string;
}

export interface RolledUpUnit {
  readonly code: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A district rolls up its own bodies and all its wards; a city its own bodies, its districts and their wards;
 * each fact with the unit version that held its code on the fact's date and the hierarchy of that date, so that a
 * ward that moved district counts in each for its own months and a reused code never merges two units' facts.
 */
@QueryHandler(GetUnitSummary)
export class GetUnitSummaryHandler implements IQueryHandler<GetUnitSummary, JsonAnswer<UnitSummary>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ level, unitCode, year, asOf, byChild }: GetUnitSummary): Promise<JsonAnswer<UnitSummary>> {
    return this.reads.read(`${level}:${unitCode}:${year}${byChild ? ':children' : ''}`, asOf, async ({ sql, include }) => {
      const registry = new UnitRegistryReader(sql);
      const versions = (await registry.duringYear(unitCode, year)).filter((v) => v.level === level);
      if (!versions.length) throw await this.notFound(registry, level, unitCode, year);
      const unit = versions[versions.length - 1];
      const spans = await rollUp(sql, unitCode, level, year);
      await include(codesOf(spans));
      const figures = await readFigures(sql, spans, year);
      const units = spans.map((span) => withinYear(span, year)).filter((span) => span !== undefined)
        .map(({ code, level: unitLevel, name, from, to }) => ({ code, level: unitLevel, name, from: from as string, to: to as string }));
      const mapChangedDuringYear = units.some((u) => u.from !== `${year}-01-01` || u.to !== `${year}-12-31`);
      const children = byChild ? { children: await childBreakdown(sql, spans, year) } : {};
      return { unitCode, level, name: unit.name, year, units, mapChangedDuringYear, ...figures, ...children, ...(asOf && { asOf: asOf.toISOString() }) };
    });
  }

  private async notFound(registry: UnitRegistryReader, level: UnitLevel, code: string, year: number): Promise<NotFoundException> {
    const history = (await registry.history(code)).filter((v) => v.level === level);
    if (!history.length) return new NotFoundException(`No ${level.toLowerCase()} has ever had the code ${code}.`);
    const last = history[history.length - 1];
    if (level === 'DISTRICT' && last.validTo && year > Number(last.validTo.slice(0, 4))) {
      return new NotFoundException(
        `${last.name} existed until ${last.validTo}: the district level was abolished on 2025-07-01 (Luật 72/2025/QH15), so there is no district summary for ${year}. Ask for the successor wards instead.`,
      );
    }
    return new NotFoundException(`${last.name} (${code}) was not in force during ${year}.`);
  }
}
