import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { civicDateAt, CommendationGrantedData, commendationProposalDecider, commendationProposalStreamId, DecideProposal } from '@civic/domain';
import { AppendResult, CommandContext, CommandProcessor, commendationProposalStream, EventLog } from '@civic/event-store';
import { EVENT_LOG } from '../grant-commendation/award-reservations';
import { recordedGrant } from '../grant-commendation/recorded-grant';

export class DecideProposalCommand {
  constructor(
    readonly decision: DecideProposal['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DecideProposalCommand)
export class DecideProposalHandler implements ICommandHandler<DecideProposalCommand, AppendResult> {
  constructor(
    private readonly processor: CommandProcessor,
    @Inject(EVENT_LOG) private readonly log: EventLog,
  ) {}

  async execute({ decision, context }: DecideProposalCommand): Promise<AppendResult> {
    const grant = decision.outcome === 'GRANTED' ? await this.grantOnRecord(decision.commendationId) : null;
    return this.processor.handle(
      commendationProposalDecider,
      commendationProposalStream,
      commendationProposalStreamId(decision.proposalId),
      { type: 'DecideProposal', data: decision, metadata: { receivedOn: civicDateAt(new Date()), grant } },
      context,
    );
  }

  /** The grant as recorded, or null when there is none or its record was withdrawn as made in error. */
  private async grantOnRecord(commendationId: string): Promise<CommendationGrantedData | null> {
    const record = await recordedGrant(this.log, commendationId);
    return record.status === 'GRANTED' || record.status === 'REVOKED' ? record.commendation : null;
  }
}
