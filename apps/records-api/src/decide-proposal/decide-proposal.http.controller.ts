import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DecideProposal } from '@civic/domain';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpReply, HttpRequest, RecordIdParams, streamOf } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom, requiredIfMatch } from '../http/command-context';
import { DecideProposalRequestDto } from './decide-proposal.request.dto';
import { DecideProposalCommand } from './decide-proposal.handler';

@ApiTags('commendations')
@Controller('v1/commendation-proposals')
export class DecideProposalHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The answer to a proposal, by the body it was made to: granted by a grant already on record (by that body, of
   * the award proposed, decided on the same date) or refused with the reason. A proposal is answered once.
   */
  @Access({ kind: 'record', unit: fromBody('decidedBy.unitCode'), date: fromBody('decidedOn'), stream: streamOf('commendation-proposal-', 'id') })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'required' })
  @Post(':id/decision')
  @HttpCode(201)
  async decide(
    @Param() { id }: RecordIdParams,
    @Body() body: DecideProposalRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, `POST /v1/commendation-proposals/${id}/decision`, body, requiredIfMatch(request));
    const result = await this.commandBus.execute<DecideProposalCommand, AppendResult>(new DecideProposalCommand(toDecision(id, body), context));
    response.header('ETag', `"${result.streamVersion}"`);
    return result;
  }
}

function toDecision(proposalId: string, body: DecideProposalRequestDto): DecideProposal['data'] {
  const answer = { proposalId, decidedBy: { body: body.decidedBy.body, unitCode: body.decidedBy.unitCode }, decidedOn: body.decidedOn };
  return body.outcome === 'GRANTED' ? { ...answer, outcome: 'GRANTED', commendationId: body.commendationId! } : { ...answer, outcome: 'REFUSED', reason: body.reason! };
}
