import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JsonAnswer } from '@civic/platform';
import { UnitRegistryReader } from '@civic/admin-units';
import { readWardSummary, WardSummary } from '@civic/projections';
import { SummaryReads } from '../summary-cache/summary-reads';

export class GetWardSummary {
  constructor(
    readonly unitCode: string,
    readonly year: number,
    /** Answer as the summary stood at this moment; the live read models when absent. */
    readonly asOf?: Date,
  ) {}
}

@QueryHandler(GetWardSummary)
export class GetWardSummaryHandler implements IQueryHandler<GetWardSummary, JsonAnswer<WardSummary>> {
  constructor(private readonly reads: SummaryReads) {}

  execute({ unitCode, year, asOf }: GetWardSummary): Promise<JsonAnswer<WardSummary>> {
    return this.reads.read(`ward:${unitCode}:${year}`, asOf, async ({ sql, include }) => {
      const versions = await new UnitRegistryReader(sql).duringYear(unitCode, year);
      if (!versions.some((v) => v.level === 'COMMUNE')) {
        throw new NotFoundException(`No ward or commune had the code ${unitCode} during ${year}${asOf ? ` as the registry stood at ${asOf.toISOString()}` : ''}.`);
      }
      await include([unitCode]);
      return { ...(await readWardSummary(sql, unitCode, year)), ...(asOf && { asOf: asOf.toISOString() }) };
    });
  }
}
