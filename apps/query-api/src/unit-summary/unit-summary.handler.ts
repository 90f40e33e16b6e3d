import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { UnitLevel } from '@civic/domain';
import { UnitRegistryReader } from '@civic/admin-units';
import { Figures, readFigures } from '@civic/projections';
import { SummaryReads } from '../summary-cache/summary-reads';

export class GetUnitSummary {
  constructor(
    readonly level: Exclude<UnitLevel, 'COMMUNE'>,
    readonly unitCode: string,
    readonly year: number,
    /** Answer as the summary stood at this moment; the live read models when absent. */
    readonly asOf?: Date,
  ) {}
}

export interface UnitSummary extends Figures {
  readonly unitCode: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly year: number;
  /** The units rolled up: the unit's own bodies, then every unit below it during that year. */
  readonly units: readonly { readonly code: string; readonly level: UnitLevel; readonly name: string }[];
  /** Present when the summary was asked as of a moment. */
  readonly asOf?: string;
}

/**
 * A district rolls up its own bodies and all its wards; a city its own bodies, its districts and their wards;
 * always with the hierarchy as it was in that year.
 */
@QueryHandler(GetUnitSummary)
export class GetUnitSummaryHandler implements IQueryHandler<GetUnitSummary, JsonAnswer<UnitSummary>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ level, unitCode, year, asOf }: GetUnitSummary): Promise<JsonAnswer<UnitSummary>> {
    return this.reads.read(`${level}:${unitCode}:${year}`, asOf, async ({ sql, include }) => {
      const registry = new UnitRegistryReader(sql);
      const versions = (await registry.duringYear(unitCode, year)).filter((v) => v.level === level);
      if (!versions.length) throw await this.notFound(registry, level, unitCode, year);
      const unit = versions[versions.length - 1];
      const below = await registry.descendantsDuringYear(unitCode, year);
      const units = [unit, ...below].map((u) => ({ code: u.code, level: u.level, name: u.name }));
      const codes = units.map((u) => u.code);
      await include(codes);
      const figures = await readFigures(sql, codes, year);
      return { unitCode, level, name: unit.name, year, units, ...figures, ...(asOf && { asOf: asOf.toISOString() }) };
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
