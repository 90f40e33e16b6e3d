import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, MeetingHeldData, meetingDecider } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, meetingStream, meetingStreamId } from '@civic/event-store';
import { UnitRegistryReader } from '@civic/admin-units';

export class RecordMeetingCommand {
  constructor(
    readonly meeting: MeetingHeldData,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly registry: UnitRegistryReader,
  ) {}

  async execute({ meeting, context }: RecordMeetingCommand): Promise<AppendResult> {
    const units = await this.registry.unitsOnDate([meeting.unitCode, ...meeting.convenedBy.map((c) => c.unitCode)], meeting.heldOn);
    return this.processor.handle(
      meetingDecider,
      meetingStream,
      meetingStreamId(meeting.meetingId),
      { type: 'RecordMeeting', data: meeting, metadata: { receivedOn: civicDateAt(new Date()), units } },
      context,
      // A new record under an id the client chose: the stream is read only if it turns out to exist.
      { usuallyNew: true },
    );
  }
}
