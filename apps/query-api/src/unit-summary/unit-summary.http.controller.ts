import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PathAndQuery } from '@civic/platform';
import { CitySummaryRequest, DistrictSummaryRequest } from './unit-summary.request.dto';
import { GetUnitSummary, UnitSummary } from './unit-summary.handler';
import { asOfDate } from '../time-travel/as-of.query';

@Controller('v1/summaries')
export class UnitSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('districts/:code')
  district(@PathAndQuery() { code, year, asOf }: DistrictSummaryRequest): Promise<UnitSummary> {
    return this.queryBus.execute<GetUnitSummary, UnitSummary>(new GetUnitSummary('DISTRICT', code, year, asOfDate(asOf)));
  }

  @Get('cities/:code')
  city(@PathAndQuery() { code, year, asOf }: CitySummaryRequest): Promise<UnitSummary> {
    return this.queryBus.execute<GetUnitSummary, UnitSummary>(new GetUnitSummary('PROVINCE', code, year, asOfDate(asOf)));
  }
}
