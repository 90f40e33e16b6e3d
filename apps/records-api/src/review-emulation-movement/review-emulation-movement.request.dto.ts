import { IsOptional, IsUUID } from 'class-validator';
import { MOVEMENT_REVIEW_KIND_VALUES, MovementReviewKind } from '@civic/domain';
import { IsCivicDate, NfcText, OneOf } from '@civic/platform';

/** POST /v1/emulation-movements/{id}/reviews: an interim (SO_KET) or final (TONG_KET) review. */
export class ReviewEmulationMovementRequestDto {
  @OneOf(MOVEMENT_REVIEW_KIND_VALUES)
  reviewKind!: MovementReviewKind;

  @IsCivicDate()
  reviewedOn!: string;

  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @IsOptional()
  @NfcText(4000)
  findings?: string;
}
