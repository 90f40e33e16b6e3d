import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Access, ApiPathAndQuery, ApiProblems, fromParam, fromQuery, PathAndQuery, JsonAnswer, sendJsonAnswer, HttpReply } from '@civic/platform';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UnitSummaryResponse } from '../summaries.response';
import { CitySummaryRequest, DistrictSummaryRequest } from './unit-summary.request.dto';
import { GetUnitSummary, UnitSummary } from './unit-summary.handler';
import { asOfDate } from '../time-travel/as-of.request.dto';

@ApiTags('summaries')
@Controller('v1/summaries')
export class UnitSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A district's own bodies and all its wards during the year; districts end on 2025-06-30. */
  @Get('districts/:code')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(DistrictSummaryRequest)
  @ApiOkResponse({ type: UnitSummaryResponse })
  @ApiProblems(400, 404)
  district(@PathAndQuery() { code, year, asOf }: DistrictSummaryRequest, @Res() response: HttpReply): Promise<void> {
    return sendJsonAnswer(response, this.queryBus.execute<GetUnitSummary, JsonAnswer<UnitSummary>>(new GetUnitSummary('DISTRICT', code, year, asOfDate(asOf))));
  }

  /** A province or centrally-run city: its own bodies, its districts and their wards during the year. */
  @Get('cities/:code')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(CitySummaryRequest)
  @ApiOkResponse({ type: UnitSummaryResponse })
  @ApiProblems(400, 404)
  city(@PathAndQuery() { code, year, asOf }: CitySummaryRequest, @Res() response: HttpReply): Promise<void> {
    return sendJsonAnswer(response, this.queryBus.execute<GetUnitSummary, JsonAnswer<UnitSummary>>(new GetUnitSummary('PROVINCE', code, year, asOfDate(asOf))));
  }
}
