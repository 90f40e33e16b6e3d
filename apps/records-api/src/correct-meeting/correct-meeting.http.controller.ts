import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpReply, HttpRequest, RecordIdParams, streamOf, unitsInBody } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom, requiredIfMatch } from '../http/command-context';
import { toMeeting } from '../record-meeting/record-meeting.http.controller';
import { CorrectMeetingRequestDto } from './correct-meeting.request.dto';
import { CorrectMeetingCommand } from './correct-meeting.handler';

@ApiTags('meetings')
@Controller('v1/meetings')
export class CorrectMeetingHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** A correction is a new event carrying the whole corrected record; history is never rewritten. */
  @Access({ kind: 'record', unit: fromBody('meeting.unitCode'), date: fromBody('meeting.heldOn'), stream: streamOf('meeting-', 'id'), joinedBy: unitsInBody('meeting.convenedBy') })
  @ApiCommand({ onExistingRecord: true, ifMatch: 'required' })
  @Post(':id/corrections')
  @HttpCode(201)
  async correct(
    @Param() { id }: RecordIdParams,
    @Body() body: CorrectMeetingRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, `POST /v1/meetings/${id}/corrections`, body, requiredIfMatch(request));
    const result = await this.commandBus.execute<CorrectMeetingCommand, AppendResult>(
      new CorrectMeetingCommand(toMeeting(body.meeting, id), body.reason, context),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    return result;
  }
}
