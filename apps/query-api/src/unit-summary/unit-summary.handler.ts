import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { UnitLevel } from '@civic/domain';
import { UnitRegistryReader } from '@civic/admin-units';
import { Figures, readFigures } from '@civic/projections';
import { InjectPool } from '@civic/platform';

export class GetUnitSummary {
  constructor(
    readonly level: Exclude<UnitLevel, 'COMMUNE'>,
    readonly unitCode: string,
    readonly year: number,
  ) {}
}

export interface UnitSummary extends Figures {
  readonly unitCode: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly year: number;
  /** The units rolled up: the unit's own bodies, then every unit below it during that year. */
  readonly units: readonly { readonly code: string; readonly level: UnitLevel; readonly name: string }[];
}

/**
 * A district rolls up its own bodies and all its wards; a city its own bodies, its districts and their wards;
 * always with the hierarchy as it was in that year.
 */
@QueryHandler(GetUnitSummary)
export class GetUnitSummaryHandler implements IQueryHandler<GetUnitSummary, UnitSummary> {
  private readonly registry: UnitRegistryReader;

  constructor(@InjectPool() private readonly pool: Pool) {
    this.registry = new UnitRegistryReader(pool);
  }

  async execute({ level, unitCode, year }: GetUnitSummary): Promise<UnitSummary> {
    const versions = (await this.registry.duringYear(unitCode, year)).filter((v) => v.level === level);
    if (!versions.length) throw await this.notFound(level, unitCode, year);
    const unit = versions[versions.length - 1];
    const below = await this.registry.descendantsDuringYear(unitCode, year);
    const units = [unit, ...below].map((u) => ({ code: u.code, level: u.level, name: u.name }));
    const figures = await readFigures(this.pool, units.map((u) => u.code), year);
    return { unitCode, level, name: unit.name, year, units, ...figures };
  }

  private async notFound(level: UnitLevel, code: string, year: number): Promise<NotFoundException> {
    const history = (await this.registry.history(code)).filter((v) => v.level === level);
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
