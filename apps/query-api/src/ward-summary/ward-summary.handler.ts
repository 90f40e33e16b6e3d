import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
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

  execute({ unitCode, year }: GetWardSummary): Promise<WardSummary> {
    return readWardSummary(this.pool, unitCode, year);
  }
}
