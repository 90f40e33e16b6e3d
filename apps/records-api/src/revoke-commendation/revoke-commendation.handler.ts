import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, commendationDecider, commendationStreamId, RevokeCommendation } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationStream } from '@civic/event-store';
import { AwardReservations } from '../grant-commendation/award-reservations';

export class RevokeCommendationCommand {
  constructor(
    readonly revocation: RevokeCommendation['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevokeCommendationCommand)
export class RevokeCommendationHandler implements ICommandHandler<RevokeCommendationCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly reservations: AwardReservations,
  ) {}

  execute({ revocation, context }: RevokeCommendationCommand): Promise<AppendResult> {
    return this.processor.handle(
      commendationDecider,
      commendationStream,
      commendationStreamId(revocation.commendationId),
      { type: 'RevokeCommendation', data: revocation, metadata: { receivedOn: civicDateAt(new Date()) } },
      context,
      // Its achievements may be commended again once it is revoked.
      { alongside: () => this.reservations.release(revocation.commendationId, revocation.revokedOn) },
    );
  }
}
