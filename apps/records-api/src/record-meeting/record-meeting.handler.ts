import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, MeetingHeldData, meetingDecider } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, meetingStream, meetingStreamId } from '@civic/event-store';

export class RecordMeetingCommand {
  constructor(
    readonly meeting: MeetingHeldData,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, AppendResult> {
  constructor(private readonly processor: CommandProcessor) {}

  execute({ meeting, context }: RecordMeetingCommand): Promise<AppendResult> {
    return this.processor.handle(
      meetingDecider,
      meetingStream,
      meetingStreamId(meeting.meetingId),
      { type: 'RecordMeeting', data: meeting, metadata: { receivedOn: civicDateAt(new Date()) } },
      context,
    );
  }
}
