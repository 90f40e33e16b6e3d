import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MeetingHeldData, MeetingPerson } from '@civic/domain';
import { AppendResult } from '@civic/event-store';
import { Access, fromBody, HttpRequest, HttpReply, unitsInBody } from '@civic/platform';
import { ApiCommand } from '../http/command.openapi';
import { commandContextFrom } from '../http/command-context';
import { RecordMeetingRequestDto } from './record-meeting.request.dto';
import { RecordMeetingCommand } from './record-meeting.handler';

@ApiTags('meetings')
@Controller('v1/meetings')
export class RecordMeetingHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Records a meeting (hội nghị, kỳ họp, tiếp công dân, …) held by bodies of a unit. */
  @Access({ kind: 'record', unit: fromBody('unitCode'), date: fromBody('heldOn'), joinedBy: unitsInBody('convenedBy') })
  @ApiCommand({ onExistingRecord: false, ifMatch: 'none' })
  @Post()
  @HttpCode(201)
  async record(
    @Body() body: RecordMeetingRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AppendResult> {
    const context = commandContextFrom(request, 'POST /v1/meetings', body);
    const result = await this.commandBus.execute<RecordMeetingCommand, AppendResult>(
      new RecordMeetingCommand(toMeeting(body, randomUUID()), context),
    );
    response.header('ETag', `"${result.streamVersion}"`);
    response.header('Location', `/v1/meetings/${result.streamId.replace(/^meeting-/, '')}`);
    return result;
  }
}

export function toMeeting(body: RecordMeetingRequestDto, meetingId: string): MeetingHeldData {
  return {
    meetingId,
    unitCode: body.unitCode,
    kind: body.kind,
    title: body.title,
    heldOn: body.heldOn,
    venue: body.venue ?? null,
    convenedBy: body.convenedBy.map(({ body: convener, unitCode }) => ({ body: convener, unitCode })),
    chairs: [...(body.chairedBy ? [body.chairedBy] : []), ...(body.chairs ?? [])].map(person),
    guests: (body.guests ?? []).map(person),
    attendeeCount: body.attendeeCount ? { value: body.attendeeCount.value, qualifier: body.attendeeCount.qualifier } : null,
    reviewYear: body.reviewYear ?? null,
    planYear: body.planYear ?? null,
    subjectTerm: body.subjectTerm ? { fromYear: body.subjectTerm.fromYear, toYear: body.subjectTerm.toYear } : null,
    theme: body.theme ?? null,
    reports: (body.reports ?? []).map((r) => ({ title: r.title, presenter: r.presenter ? person(r.presenter) : null })),
    indicators: (body.indicators ?? []).map((i) => ({ label: i.label, numerator: i.numerator, denominator: i.denominator ?? null, unit: i.unit ?? null })),
    source: body.source ? { url: body.source.url ?? null, publishedOn: body.source.publishedOn ?? null, author: body.source.author ?? null } : null,
  };
}

function person({ fullName, role }: { fullName: string; role: string }): MeetingPerson {
  return { fullName, role };
}
