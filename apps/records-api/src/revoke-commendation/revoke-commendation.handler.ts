import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, commendationDecider, commendationStreamId, RevokeCommendation } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationStream } from '@civic/event-store';

export class RevokeCommendationCommand {
  constructor(
    readonly revocation: RevokeCommendation['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeCommendationCommand)
export class RevokeCommendationHandler implements ICommandHandler<RevokeCommendationCommand, AppendResult> {
  constructor(private readonly processor: CommandProcessor) {}

  execute({ revocation, context }: RevokeCommendationCommand): Promise<AppendResult> {
    return this.processor.handle(
      commendationDecider,
      commendationStream,
      commendationStreamId(revocation.commendationId),
      { type: 'RevokeCommendation', data: revocation, metadata: { receivedOn: civicDateAt(new Date()) } },
      context,
    );
  }
}
