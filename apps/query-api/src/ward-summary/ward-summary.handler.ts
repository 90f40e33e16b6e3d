import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitRegistryReader } from '@civic/admin-units';
import { Pool } from 'pg';
import { readWardSummary, WardSummary } from '@civic/projections';
import { InjectPool } from '@civic/platform';

export class GetWardSummary {
  constructor(
    readonly unitCode: string,
    readonly year: number,
  ) {}
}

@QueryHandler(GetWardSummary)
export class GetWardSummaryHandler implements IQueryHandler<GetWardSummary, WardSummary> {
  constructor(@InjectPool() private readonly pool: Pool) {}

  async execute({ unitCode, year }: GetWardSummary): Promise<WardSummary> {
    const versions = await new UnitRegistryReader(this.pool).duringYear(unitCode, year);
    if (!versions.some((v) => v.level === 'COMMUNE')) {
      throw new NotFoundException(`No ward or commune had the code ${unitCode} during ${year}.`);
    }
    return readWardSummary(this.pool, unitCode, year);
  }
}
