import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpReply, HttpRequest, RecordIdParams, streamOf } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom, requiredIfMatch } from '../http/command-context';
import { RevokeCommendationRequestDto } from './revoke-commendation.request.dto';
import { RevokeCommendationCommand } from './revoke-commendation.handler';

@ApiTags('commendations')
@Controller('v1/commendations')
export class RevokeCommendationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** A revocation is a new event; the grant stays in the history. */
  @Access({ kind: 'record', date: fromBody('revokedOn'), stream: streamOf('commendation-', 'id') })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'required' })
  @Post(':id/revocation')
  @HttpCode(201)
  async revoke(
    @Param() { id }: RecordIdParams,
    @Body() body: RevokeCommendationRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, `POST /v1/commendations/${id}/revocation`, body, requiredIfMatch(request));
    const result = await this.commandBus.execute<RevokeCommendationCommand, AppendResult>(
      new RevokeCommendationCommand({ commendationId: id, revokedOn: body.revokedOn, reason: body.reason }, context),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    return result;
  }
}
