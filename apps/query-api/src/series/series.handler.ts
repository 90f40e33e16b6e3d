import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitLevel } from '@civic/domain';
import { rollUpBetween, unitsHoldingCode } from '@civic/admin-units';
import { codesOf, readSeries, SeriesInterval, SeriesPeriod, SqlExecutor, UnitSpan } from '@civic/projections';
import { JsonAnswer } from '@civic/platform';
import { SummaryReads } from '../summary-cache/summary-reads';

export class GetSeries {
  constructor(
    readonly level: UnitLevel,
    readonly unitCode: string,
    readonly from: string,
    readonly to: string,
    readonly interval: SeriesInterval,
    readonly asOf?: Date,
  ) {}
}

/** A unit's facts month by month (or quarter by quarter): what a dashboard draws its trend from. */
export interface Series {
  readonly unitCode: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly interval: SeriesInterval;
  readonly periods: readonly SeriesPeriod[];
  readonly asOf?: string;
}

/**
 * The series of a district or city rolls up as its summary does (each fact by the unit version and hierarchy of its
 * date); a ward's is the unit holding the code at the end of the range, from the day it took the code.
 */
@QueryHandler(GetSeries)
export class GetSeriesHandler implements IQueryHandler<GetSeries, JsonAnswer<Series>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ level, unitCode, from, to, interval, asOf }: GetSeries): Promise<JsonAnswer<Series>> {
    return this.reads.read(`series:${level}:${unitCode}:${from}:${to}:${interval}`, asOf, async ({ sql, include }) => {
      const unit = level === 'COMMUNE' ? await wardSpan(sql, unitCode, from, to) : await rolledUp(sql, unitCode, level, from, to);
      if (!unit) throw new NotFoundException(`No ${level.toLowerCase()} had the code ${unitCode} between ${from} and ${to}.`);
      await include(codesOf(unit.spans));
      const periods = await readSeries(sql, unit.spans, from, to, interval);
      return { unitCode, level, name: unit.name, from, to, interval, periods, ...(asOf && { asOf: asOf.toISOString() }) };
    });
  }
}

async function rolledUp(sql: SqlExecutor, code: string, level: UnitLevel, from: string, to: string): Promise<{ name: string; spans: UnitSpan[] } | undefined> {
  const spans = await rollUpBetween(sql, code, level, from, to);
  const own = spans.filter((span) => span.branch === null);
  return own.length ? { name: own[own.length - 1].name, spans } : undefined;
}

async function wardSpan(sql: SqlExecutor, code: string, from: string, to: string): Promise<{ name: string; spans: UnitSpan[] } | undefined> {
  const ward = (await unitsHoldingCode(sql, code, Number(to.slice(0, 4)))).at(-1);
  if (!ward || (ward.from !== null && ward.from > to)) return undefined;
  return { name: ward.name, spans: [{ code, from: ward.from, to: ward.to }] };
}
