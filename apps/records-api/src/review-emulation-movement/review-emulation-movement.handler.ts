import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, movementDecider, movementStreamId, ReviewEmulationMovement } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, movementStream } from '@civic/event-store';

export class ReviewEmulationMovementCommand {
  constructor(
    readonly review: ReviewEmulationMovement['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReviewEmulationMovementCommand)
export class ReviewEmulationMovementHandler implements ICommandHandler<ReviewEmulationMovementCommand, AppendResult> {
  constructor(private readonly processor: CommandProcessor) {}

  execute({ review, context }: ReviewEmulationMovementCommand): Promise<AppendResult> {
    return this.processor.handle(
      movementDecider,
      movementStream,
      movementStreamId(review.movementId),
      { type: 'ReviewEmulationMovement', data: review, metadata: { receivedOn: civicDateAt(new Date()) } },
      context,
    );
  }
}
