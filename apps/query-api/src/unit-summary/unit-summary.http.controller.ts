import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Access, ApiPathAndQuery, ApiProblems, fromParam, fromQuery, PathAndQuery, JsonAnswer, HttpReply } from '@civic/platform';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { sendSummary } from './breakdown-csv';
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
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400, 404)
  district(@PathAndQuery() request: DistrictSummaryRequest, @Res() response: HttpReply): Promise<void> {
    return this.summary('DISTRICT', request, response);
  }

  /** A province or centrally-run city: its own bodies, its districts and their wards during the year. */
  @Get('cities/:code')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(CitySummaryRequest)
  @ApiOkResponse({ type: UnitSummaryResponse })
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400, 404)
  city(@PathAndQuery() request: CitySummaryRequest, @Res() response: HttpReply): Promise<void> {
    return this.summary('PROVINCE', request, response);
  }

  private summary(level: GetUnitSummary['level'], { code, year, asOf, breakdown }: DistrictSummaryRequest | CitySummaryRequest, response: HttpReply): Promise<void> {
    const byChild = breakdown === 'children';
    return sendSummary(response, this.queryBus.execute<GetUnitSummary, JsonAnswer<UnitSummary>>(new GetUnitSummary(level, code, year, asOfDate(asOf), byChild)), byChild);
  }
}
