import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, MeetingHeldData, meetingDecider } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, meetingStream, meetingStreamId } from '@civic/event-store';
import { UnitRegistryReader } from '@civic/admin-units';

export class CorrectMeetingCommand {
  constructor(
    readonly meeting: MeetingHeldData,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CorrectMeetingCommand)
export class CorrectMeetingHandler implements ICommandHandler<CorrectMeetingCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly registry: UnitRegistryReader,
  ) {}

  async execute({ meeting, reason, context }: CorrectMeetingCommand): Promise<AppendResult> {
    const units = await this.registry.unitsOnDate([meeting.unitCode, ...meeting.convenedBy.map((c) => c.unitCode)], meeting.heldOn);
    return this.processor.handle(
      meetingDecider,
      meetingStream,
      meetingStreamId(meeting.meetingId),
      { type: 'CorrectMeeting', data: { reason, meeting }, metadata: { receivedOn: civicDateAt(new Date()), units } },
      context,
    );
  }
}
