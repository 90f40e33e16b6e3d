import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, commendationDecider, commendationStreamId, WithdrawCommendationRecord } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationStream } from '@civic/event-store';
import { AwardReservations } from '../grant-commendation/award-reservations';

export class WithdrawCommendationRecordCommand {
  constructor(
    readonly withdrawal: WithdrawCommendationRecord['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(WithdrawCommendationRecordCommand)
export class WithdrawCommendationRecordHandler implements ICommandHandler<WithdrawCommendationRecordCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly reservations: AwardReservations,
  ) {}

  execute({ withdrawal, context }: WithdrawCommendationRecordCommand): Promise<AppendResult> {
    const today = civicDateAt(new Date());
    return this.processor.handle(
      commendationDecider,
      commendationStream,
      commendationStreamId(withdrawal.commendationId),
      { type: 'WithdrawCommendationRecord', data: withdrawal, metadata: { receivedOn: today } },
      context,
      // A grant that was never made held its achievements wrongly: they may be commended by the grant that was.
      { alongside: () => this.reservations.release(withdrawal.commendationId, today) },
    );
  }
}
