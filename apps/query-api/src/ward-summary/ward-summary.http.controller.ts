import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WardSummary } from '@civic/projections';
import { SummaryYearQuery, WardCodeParams } from './ward-summary.request.dto';
import { GetWardSummary } from './ward-summary.handler';

@Controller('v1/summaries/wards')
export class WardSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':code')
  summary(@Param() { code }: WardCodeParams, @Query() { year }: SummaryYearQuery): Promise<WardSummary> {
    return this.queryBus.execute<GetWardSummary, WardSummary>(new GetWardSummary(code, year));
  }
}
