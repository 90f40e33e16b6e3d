import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { Pool } from 'pg';
import { findProposal, listProposals, Page, ProposalItem } from '@civic/projections';
import { Access, ApiProblems, fromQuery, InjectPool, RecordIdParams, streamOf } from '@civic/platform';
import { pageKey } from '../lists/lists.http.controller';
import { listUnitsOf } from '../lists/list-units';
import { PROPOSALS_CSV } from '../lists/list-csv';
import { CsvAnswer } from '../csv/csv-answer';
import { ProposalListRequest } from './proposals.request.dto';
import { ProposalPageResponse, ProposalResponse } from './proposals.response';
import { PersonalDataReads } from '../personal-data/personal-data-reads';

const DEFAULT_LIMIT = 20;

/** Proposals to commend (đề nghị) and where each stands: not yet answered, granted by a decision, or refused. */
@ApiTags('commendations')
@Controller('v1/commendation-proposals')
export class ProposalsHttpController {
  constructor(
    @InjectPool() private readonly pool: Pool,
    private readonly personalData: PersonalDataReads,
  ) {}

  /** Proposals made by or to a body of `unitCode`, newest first. */
  @Get()
  @Access({ kind: 'read', unit: fromQuery('unitCode'), year: fromQuery('year') })
  @ApiOkResponse({ type: ProposalPageResponse })
  @CsvAnswer(PROPOSALS_CSV)
  @ApiProblems(400)
  async list(@Query() request: ProposalListRequest): Promise<Page<ProposalItem>> {
    const { status, year, after, limit } = request;
    const page = await listProposals(this.pool, { ...(await listUnitsOf(this.pool, request)), status, year, after: pageKey(after), limit: limit ?? DEFAULT_LIMIT });
    // A proposal's named recipients are sealed like a grant's (docs/adr/0059).
    return { ...page, items: await this.personalData.openRecords('CommendationProposed', page.items) };
  }

  /** One proposal, every field of it, with the decision that answered it. */
  @Get(':id')
  @Access({ kind: 'read', stream: streamOf('commendation-proposal-', 'id') })
  @ApiOkResponse({ type: ProposalResponse })
  @ApiProblems(400, 404)
  async one(@Param() { id }: RecordIdParams): Promise<ProposalItem> {
    const proposal = await findProposal(this.pool, id);
    if (!proposal) throw new NotFoundException(`No proposal ${id} is on record (a proposal just recorded appears within seconds).`);
    return this.personalData.openRecord('CommendationProposed', proposal);
  }
}
