import { IsOptional, Matches } from 'class-validator';
import { NfcText } from '@civic/platform';

/** The records whose events name people (docs/adr/0059): meetings, grants and proposals, by their stream id. */
export const RECORD_WITH_NAMES = /^(meeting|commendation|commendation-proposal)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * POST /v1/personal-data/erasures: a person asked that their data be erased (Decree 13/2023/NĐ-CP, Điều 16). Erases
 * the person's name from one record and from what the record reserved; the record, its counts and the summaries stay.
 */
export class ErasePersonalDataRequestDto {
  /** The record, as the audit names it: `commendation-<id>`, `meeting-<id>`, `commendation-proposal-<id>`. */
  @Matches(RECORD_WITH_NAMES, { message: '$property must be the stream id of a meeting, commendation or commendation proposal, such as commendation-<uuid>' })
  streamId!: string;

  /** The name as the record shows it; accents, case and spacing are compared as a search compares them. */
  @NfcText(200)
  personName!: string;

  /** Why: the request received, its number and date ("Đơn đề nghị xóa dữ liệu ngày 02/12/2026"). */
  @NfcText(1000)
  reason!: string;

  /** The legal basis, when another than Decree 13/2023/NĐ-CP, Điều 16. */
  @IsOptional()
  @NfcText(300)
  legalBasis?: string;
}
