import { IsUUID, ValidateIf } from 'class-validator';
import { PROPOSAL_OUTCOME_VALUES, ProposalOutcome } from '@civic/domain';
import { IsCivicDate, NestedObject, NfcText, OneOf, OnlyWhen } from '@civic/platform';
import { BodyOfUnitDto } from '../grant-commendation/grant-commendation.request.dto';

/**
 * POST /v1/commendation-proposals/{id}/decision, with If-Match: the body a proposal went to answers it — granted
 * by a grant already recorded (its decision number is the grant's), or refused with the reason.
 */
export class DecideProposalRequestDto {
  /** The body answering: the one the proposal was made to. */
  @NestedObject(() => BodyOfUnitDto)
  decidedBy!: BodyOfUnitDto;

  /** The date of the decision; for a grant, the date the grant was decided on. */
  @IsCivicDate()
  decidedOn!: string;

  @OneOf(PROPOSAL_OUTCOME_VALUES)
  outcome!: ProposalOutcome;

  /** The grant that answers a GRANTED proposal, recorded first with POST /v1/commendations. */
  @ValidateIf((dto: DecideProposalRequestDto) => dto.outcome === 'GRANTED' || dto.commendationId !== undefined)
  @OnlyWhen('outcome', 'GRANTED')
  @IsUUID()
  commendationId?: string;

  /** Why a REFUSED proposal was refused. */
  @ValidateIf((dto: DecideProposalRequestDto) => dto.outcome === 'REFUSED' || dto.reason !== undefined)
  @OnlyWhen('outcome', 'REFUSED')
  @NfcText(1000)
  reason?: string;
}
