import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { UnitHoldingCode, unitsHoldingCode, withinYear } from '@civic/admin-units';
import { Figures, readFigures, SqlExecutor, UnitSpan } from '@civic/projections';
import { SummaryReads } from '../summary-cache/summary-reads';

export class GetWardSummary {
  constructor(
    readonly unitCode: string,
    readonly year: number,
    /** Answer as the summary stood at this moment; the live read models when absent. */
    readonly asOf?: Date,
  ) {}
}

/** A version of the ward during the year, with the dates of the year it was in force. */
export interface WardVersion {
  readonly name: string;
  readonly parentCode: string | null;
  readonly from: string;
  readonly to: string;
}

/** An earlier unit that held the same code during the year, with its own figures (never added to the ward's). */
export interface FormerUnitWithCode extends Figures {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface WardSummary extends Figures {
  readonly unitCode: string;
  readonly year: number;
  /** The ward as it was at the end of the year, or on its last day if it ended during the year. */
  readonly name: string;
  /** Its versions during the year (renamed, moved to another district), with their dates. */
  readonly versions: readonly WardVersion[];
  /** True when the ward held its code for only part of the year, or changed during it. */
  readonly mapChangedDuringYear: boolean;
  /**
   * Other units that held the code earlier in the year (a code passes to the unit a ward merged into): their
   * facts are theirs, shown apart, never in this ward's figures.
   */
  readonly formerUnitsWithThisCode: readonly FormerUnitWithCode[];
  /** Present when the summary was asked as of a moment. */
  readonly asOf?: string;
}

/**
 * A ward's figures for a year: the facts recorded at its code while it held the code. When the code passed from
 * one unit to another during the year, the unit holding it last is the ward; the earlier one is shown apart.
 */
@QueryHandler(GetWardSummary)
export class GetWardSummaryHandler implements IQueryHandler<GetWardSummary, JsonAnswer<WardSummary>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ unitCode, year, asOf }: GetWardSummary): Promise<JsonAnswer<WardSummary>> {
    return this.reads.read(`ward:${unitCode}:${year}`, asOf, async ({ sql, include }) => {
      const units = await unitsHoldingCode(sql, unitCode, year);
      if (!units.length) {
        throw new NotFoundException(`No ward or commune had the code ${unitCode} during ${year}${asOf ? ` as the registry stood at ${asOf.toISOString()}` : ''}.`);
      }
      await include([unitCode]);
      const ward = units[units.length - 1];
      const versions = ward.versions.map((version) => withinYear(version, year)).filter((v) => v !== undefined) as WardVersion[];
      const formerUnitsWithThisCode: FormerUnitWithCode[] = [];
      for (const former of units.slice(0, -1)) {
        const { from, to } = withinYear(former, year) as { from: string; to: string };
        formerUnitsWithThisCode.push({ name: former.name, from, to, ...(await figuresOf(sql, former, year)) });
      }
      const held = withinYear(ward, year) as { from: string; to: string };
      return {
        unitCode,
        year,
        name: ward.name,
        versions,
        mapChangedDuringYear: versions.length > 1 || held.from !== `${year}-01-01` || held.to !== `${year}-12-31`,
        ...(await figuresOf(sql, ward, year)),
        formerUnitsWithThisCode,
        ...(asOf && { asOf: asOf.toISOString() }),
      };
    });
  }
}

/** A unit's facts at its code while it held it (a grant for the year may come after it, while the unit lasts). */
function figuresOf(sql: SqlExecutor, unit: UnitHoldingCode, year: number): Promise<Figures> {
  const span: UnitSpan = { code: unit.code, from: unit.from, to: unit.to };
  return readFigures(sql, [span], year);
}
