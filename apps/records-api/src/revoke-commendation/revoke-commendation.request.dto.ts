import { IsCivicDate, NfcText } from '@civic/platform';

/** POST /v1/commendations/{id}/revocation, with If-Match: the decision that withdraws a commendation. */
export class RevokeCommendationRequestDto {
  @IsCivicDate()
  revokedOn!: string;

  @NfcText(1000)
  reason!: string;
}
