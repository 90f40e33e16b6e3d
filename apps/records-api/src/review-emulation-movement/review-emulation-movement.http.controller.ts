import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpReply, HttpRequest, RecordIdParams, streamOf } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom, optionalIfMatch } from '../http/command-context';
import { ReviewEmulationMovementRequestDto } from './review-emulation-movement.request.dto';
import { ReviewEmulationMovementCommand } from './review-emulation-movement.handler';

@ApiTags('emulation-movements')
@Controller('v1/emulation-movements')
export class ReviewEmulationMovementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Reviews are added in order; If-Match is honoured when sent. */
  @Access({ kind: 'record', date: fromBody('reviewedOn'), stream: streamOf('emulation-movement-', 'id') })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'optional' })
  @Post(':id/reviews')
  @HttpCode(201)
  async review(
    @Param() { id }: RecordIdParams,
    @Body() body: ReviewEmulationMovementRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, `POST /v1/emulation-movements/${id}/reviews`, body, optionalIfMatch(request));
    const result = await this.commandBus.execute<ReviewEmulationMovementCommand, AppendResult>(
      new ReviewEmulationMovementCommand(
        { movementId: id, reviewKind: body.reviewKind, reviewedOn: body.reviewedOn, meetingId: body.meetingId ?? null, findings: body.findings ?? null },
        context,
      ),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    return result;
  }
}
