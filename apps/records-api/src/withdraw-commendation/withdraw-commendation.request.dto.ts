import { NfcText } from '@civic/platform';

/**
 * POST /v1/commendations/{id}/withdrawal, with If-Match: the record was made in error (no such grant was made, or
 * not as recorded). A correction of the record; a grant that was made and is taken back is revoked instead.
 */
export class WithdrawCommendationRecordRequestDto {
  /** What was wrong with the record ("bài viết chỉ nêu đề nghị, không nêu quyết định khen thưởng"). */
  @NfcText(1000)
  reason!: string;
}
