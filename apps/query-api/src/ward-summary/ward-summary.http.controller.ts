import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Access, ApiPathAndQuery, ApiProblems, fromParam, fromQuery, PathAndQuery, JsonAnswer, sendJsonAnswer, HttpReply } from '@civic/platform';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SuccessorViewResponse, WardSummaryResponse } from '../summaries.response';
import { WardSummaryRequest } from './ward-summary.request.dto';
import { GetWardSummary, WardSummary } from './ward-summary.handler';
import { GetSuccessorView, SuccessorView } from '../successor-view/successor-view.handler';
import { asOfDate } from '../time-travel/as-of.request.dto';

@ApiTags('summaries')
@Controller('v1/summaries/wards')
export class WardSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A post-2025 ward over earlier years, built from its predecessors (partial ones flagged). */
  @Get(':code/successor-view')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(WardSummaryRequest)
  @ApiOkResponse({ type: SuccessorViewResponse })
  @ApiProblems(400, 404)
  successorView(@PathAndQuery() { code, year, asOf }: WardSummaryRequest, @Res() response: HttpReply): Promise<void> {
    return sendJsonAnswer(response, this.queryBus.execute<GetSuccessorView, JsonAnswer<SuccessorView>>(new GetSuccessorView(code, year, asOfDate(asOf))));
  }

  /** A ward's (or commune's) meetings, commendations and movements in a year. */
  @Get(':code')
  @Access({ kind: 'read', unit: fromParam('code'), year: fromQuery('year') })
  @ApiPathAndQuery(WardSummaryRequest)
  @ApiOkResponse({ type: WardSummaryResponse })
  @ApiProblems(400, 404)
  summary(@PathAndQuery() { code, year, asOf }: WardSummaryRequest, @Res() response: HttpReply): Promise<void> {
    return sendJsonAnswer(response, this.queryBus.execute<GetWardSummary, JsonAnswer<WardSummary>>(new GetWardSummary(code, year, asOfDate(asOf))));
  }
}
