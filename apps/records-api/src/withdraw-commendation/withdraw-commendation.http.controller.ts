import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppendResult } from '@civic/event-store';
import { Access, HttpReply, HttpRequest, RecordIdParams, streamOf } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom, requiredIfMatch } from '../http/command-context';
import { WithdrawCommendationRecordRequestDto } from './withdraw-commendation.request.dto';
import { WithdrawCommendationRecordCommand } from './withdraw-commendation.handler';

@ApiTags('commendations')
@Controller('v1/commendations')
export class WithdrawCommendationRecordHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * Withdraws a record made in error: the grant stays in the history, and no list or summary counts it. Not a
   * revocation (the legal act that takes back a grant that was made): POST /v1/commendations/{id}/revocation.
   */
  // The record's own unit and date decide who may withdraw it; the body names neither.
  @Access({ kind: 'record', stream: streamOf('commendation-', 'id') })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'required' })
  @Post(':id/withdrawal')
  @HttpCode(201)
  async withdraw(
    @Param() { id }: RecordIdParams,
    @Body() body: WithdrawCommendationRecordRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, `POST /v1/commendations/${id}/withdrawal`, body, requiredIfMatch(request));
    const result = await this.commandBus.execute<WithdrawCommendationRecordCommand, AppendResult>(new WithdrawCommendationRecordCommand({ commendationId: id, reason: body.reason }, context));
    response.header('ETag', `"${result.streamVersion}"`);
    return result;
  }
}
