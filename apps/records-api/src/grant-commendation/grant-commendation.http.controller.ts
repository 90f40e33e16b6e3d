import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrantCommendation } from '@civic/domain';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpRequest, HttpReply, unitsInBody } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom } from '../http/command-context';
import { GrantCommendationRequestDto, recipientsFrom } from './grant-commendation.request.dto';
import { GrantCommendationCommand } from './grant-commendation.handler';

@ApiTags('commendations')
@Controller('v1/commendations')
export class GrantCommendationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Records a commendation (giấy khen, bằng khen, cờ thi đua or an emulation title), checked against who may grant what on that date. */
  @Access({ kind: 'record', unit: fromBody('issuer.unitCode'), date: fromBody('grantedOn'), names: unitsInBody('jointIssuers', 'proposer') })
  @ApiCommand({ onExistingRecord: false, ifMatch: 'none' })
  @Post()
  @HttpCode(201)
  async grant(@Body() body: GrantCommendationRequestDto, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpReply): Promise<AppendResult> {
    const context = commandContextFrom(request, 'POST /v1/commendations', body);
    const result = await this.commandBus.execute<GrantCommendationCommand, AppendResult>(
      new GrantCommendationCommand(toCommendation(body, randomUUID()), context),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    response.header('Location', `/v1/commendations/${result.streamId.replace(/^commendation-/, '')}`);
    return result;
  }
}

function toCommendation(body: GrantCommendationRequestDto, commendationId: string): GrantCommendation['data'] {
  const bodyOf = (b: { body: GrantCommendation['data']['issuer']['body']; unitCode: string }) => ({ body: b.body, unitCode: b.unitCode });
  return {
    commendationId,
    award: body.form ? { form: body.form } : { title: body.title! },
    commendationType: body.commendationType,
    issuer: bodyOf(body.issuer),
    jointIssuers: (body.jointIssuers ?? []).map(bodyOf),
    proposer: body.proposer ? bodyOf(body.proposer) : null,
    grantedOn: body.grantedOn,
    grantedOnPrecision: body.grantedOnPrecision ?? 'DAY',
    forYear: body.forYear ?? Number(body.grantedOn.slice(0, 4)),
    decisionNumber: body.decisionNumber ?? null,
    recipients: recipientsFrom(body.recipients),
    reason: body.reason,
    posthumous: body.posthumous ?? false,
    meetingId: body.meetingId ?? null,
    movementId: body.movementId ?? null,
  };
}
