import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, commendationDecider, commendationStreamId, GrantCommendation } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationStream } from '@civic/event-store';
import { UnitRegistryReader } from '@civic/admin-units';
import { AwardReservations } from './award-reservations';

export class GrantCommendationCommand {
  constructor(
    readonly commendation: GrantCommendation['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(GrantCommendationCommand)
export class GrantCommendationHandler implements ICommandHandler<GrantCommendationCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly registry: UnitRegistryReader,
    private readonly reservations: AwardReservations,
  ) {}

  async execute({ commendation, context }: GrantCommendationCommand): Promise<AppendResult> {
    const bodies = [commendation.issuer, ...commendation.jointIssuers, ...(commendation.proposer ? [commendation.proposer] : [])];
    const units = await this.registry.unitsOnDate(bodies.map((b) => b.unitCode), commendation.grantedOn);
    return this.processor.handle(
      commendationDecider,
      commendationStream,
      commendationStreamId(commendation.commendationId),
      { type: 'GrantCommendation', data: commendation, metadata: { receivedOn: civicDateAt(new Date()), units } },
      context,
      // A new record under an id the client chose: the stream is read only if it turns out to exist. Its
      // achievements are reserved with it: one achievement, one award.
      { usuallyNew: true, alongside: () => this.reservations.reserve(commendation) },
    );
  }
}
