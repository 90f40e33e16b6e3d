import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WardSummary } from '@civic/projections';
import { PathAndQuery } from '@civic/platform';
import { WardSummaryRequest } from './ward-summary.request.dto';
import { GetWardSummary } from './ward-summary.handler';
import { GetSuccessorView, SuccessorView } from '../successor-view/successor-view.handler';
import { asOfDate } from '../time-travel/as-of.query';

@Controller('v1/summaries/wards')
export class WardSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A post-2025 ward over earlier years, built from its predecessors (partial ones flagged). */
  @Get(':code/successor-view')
  successorView(@PathAndQuery() { code, year, asOf }: WardSummaryRequest): Promise<SuccessorView> {
    return this.queryBus.execute<GetSuccessorView, SuccessorView>(new GetSuccessorView(code, year, asOfDate(asOf)));
  }

  @Get(':code')
  summary(@PathAndQuery() { code, year, asOf }: WardSummaryRequest): Promise<WardSummary> {
    return this.queryBus.execute<GetWardSummary, WardSummary>(new GetWardSummary(code, year, asOfDate(asOf)));
  }
}
