import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { WardSummary } from '@civic/projections';
import { PathAndQuery } from '@civic/platform';
import { WardSummaryRequest } from './ward-summary.request.dto';
import { GetWardSummary } from './ward-summary.handler';
import { GetSuccessorView, SuccessorView } from '../successor-view/successor-view.handler';

@Controller('v1/summaries/wards')
export class WardSummaryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A post-2025 ward over earlier years, built from its predecessors (partial ones flagged). */
  @Get(':code/successor-view')
  successorView(@PathAndQuery() { code, year }: WardSummaryRequest): Promise<SuccessorView> {
    return this.queryBus.execute<GetSuccessorView, SuccessorView>(new GetSuccessorView(code, year));
  }

  @Get(':code')
  summary(@PathAndQuery() { code, year }: WardSummaryRequest): Promise<WardSummary> {
    return this.queryBus.execute<GetWardSummary, WardSummary>(new GetWardSummary(code, year));
  }
}
