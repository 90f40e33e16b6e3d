import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WardSummary } from '@civic/projections';
import { PathAndQuery } from '@civic/platform';
import { WardSummaryRequest } from './ward-summary.request.dto';
import { GetWardSummary } from './ward-summary.handler';

@Controller('v1/summaries/wards')
export class WardSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':code')
  summary(@PathAndQuery() { code, year }: WardSummaryRequest): Promise<WardSummary> {
    return this.queryBus.execute<GetWardSummary, WardSummary>(new GetWardSummary(code, year));
  }
}
