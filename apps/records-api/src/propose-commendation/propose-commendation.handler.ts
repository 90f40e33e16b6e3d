import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, commendationProposalDecider, commendationProposalStreamId, ProposeCommendation } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationProposalStream } from '@civic/event-store';
import { UnitRegistryReader } from '@civic/admin-units';

export class ProposeCommendationCommand {
  constructor(
    readonly proposal: ProposeCommendation['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ProposeCommendationCommand)
export class ProposeCommendationHandler implements ICommandHandler<ProposeCommendationCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    private readonly registry: UnitRegistryReader,
  ) {}

  async execute({ proposal, context }: ProposeCommendationCommand): Promise<AppendResult> {
    const units = await this.registry.unitsOnDate([proposal.proposer.unitCode, proposal.proposedTo.unitCode], proposal.proposedOn);
    return this.processor.handle(
      commendationProposalDecider,
      commendationProposalStream,
      commendationProposalStreamId(proposal.proposalId),
      { type: 'ProposeCommendation', data: proposal, metadata: { receivedOn: civicDateAt(new Date()), units } },
      context,
      { usuallyNew: true },
    );
  }
}
