import { IsUUID } from 'class-validator';
import { IsCivicDate, NfcText } from '@civic/platform';

export class CommendationIdParams {
  @IsUUID()
  id!: string;
}

/** POST /v1/commendations/{id}/revocation, with If-Match: the decision that withdraws a commendation. */
export class RevokeCommendationRequestDto {
  @IsCivicDate()
  revokedOn!: string;

  @NfcText(1000)
  reason!: string;
}
