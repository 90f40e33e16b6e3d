import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProposeCommendation } from '@civic/domain';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpRequest, HttpReply, unitsInBody } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom } from '../http/command-context';
import { recipientsFrom } from '../grant-commendation/grant-commendation.request.dto';
import { ProposeCommendationRequestDto } from './propose-commendation.request.dto';
import { ProposeCommendationCommand } from './propose-commendation.handler';

@ApiTags('commendations')
@Controller('v1/commendation-proposals')
export class ProposeCommendationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * Records a proposal (đề nghị) by one body to another that it grant an award, checked against who could grant it
   * on that date. The body asked may sit above the proposer's unit (a ward proposing to its district).
   */
  @Access({ kind: 'record', unit: fromBody('proposer.unitCode'), date: fromBody('proposedOn'), joinedBy: unitsInBody('proposedTo') })
  @ApiCommand({ onExistingRecord: false, ifMatch: 'none' })
  @Post()
  @HttpCode(201)
  async propose(@Body() body: ProposeCommendationRequestDto, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply): Promise<AppendResult> {
    const context = commandContextFrom(request, 'POST /v1/commendation-proposals', body);
    const result = await this.commandBus.execute<ProposeCommendationCommand, AppendResult>(new ProposeCommendationCommand(toProposal(body, randomUUID()), context));
    response.header('ETag', `"${result.streamVersion}"`);
    response.header('Location', `/v1/commendation-proposals/${result.streamId.replace(/^commendation-proposal-/, '')}`);
    return result;
  }
}

function toProposal(body: ProposeCommendationRequestDto, proposalId: string): ProposeCommendation['data'] {
  return {
    proposalId,
    proposer: { body: body.proposer.body, unitCode: body.proposer.unitCode },
    proposedTo: { body: body.proposedTo.body, unitCode: body.proposedTo.unitCode },
    proposedOn: body.proposedOn,
    proposedOnPrecision: body.proposedOnPrecision ?? 'DAY',
    award: body.form ? { form: body.form } : { title: body.title! },
    forYear: body.forYear ?? Number(body.proposedOn.slice(0, 4)),
    recipients: recipientsFrom(body.recipients),
    reason: body.reason,
    meetingId: body.meetingId ?? null,
  };
}
