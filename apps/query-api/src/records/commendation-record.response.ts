import type { CommendationGrantedData, Recipients } from '@civic/domain';
import type { CommendationRecord, CommendationStatus } from '@civic/projections';
import { BodyAtUnitResponse } from '../lists/lists.response';

export class AwardResponse {
  /** A form of commendation (GIAY_KHEN, BANG_KHEN, …), or absent for a title. */
  form?: string;
  /** An emulation title (THON_TDP_VAN_HOA, …), or absent for a form. */
  title?: string;
}

/** The grant as recorded: every field of CommendationGranted (current schema version). */
export class GrantResponse {
  commendationId!: string;
  award!: AwardResponse;
  /** CONG_TRANG, CHUYEN_DE, DOT_XUAT, … */
  commendationType!: string;
  issuer!: BodyAtUnitResponse;
  jointIssuers!: BodyAtUnitResponse[];
  proposer!: BodyAtUnitResponse | null;
  grantedOn!: string;
  /** DAY, MONTH (grantedOn is the month's first day) or ON_OR_BEFORE (the latest it can have been). */
  grantedOnPrecision!: string;
  forYear!: number;
  /** The decision's number (quyết định số), when the source gives it. */
  decisionNumber!: string | null;
  /** Per kind, a count with how exact it is, or the names. */
  recipients!: Recipients;
  reason!: string;
  posthumous!: boolean;
  meetingId!: string | null;
  movementId!: string | null;
  /** The legal period it was judged under (A, B or C). */
  regime!: string;
}

export class RevocationResponse {
  revokedOn!: string;
  reason!: string;
}

export class WithdrawalResponse {
  withdrawnOn!: string;
  reason!: string;
}

export class CommendationRecordResponse implements CommendationRecord {
  commendation!: GrantResponse & CommendationGrantedData;
  /** IN_FORCE, REVOKED (taken back by a decision) or WITHDRAWN (the record was made in error). */
  status!: CommendationStatus;
  revocation!: RevocationResponse | null;
  withdrawal!: WithdrawalResponse | null;
  /** The proposal (GET /v1/commendation-proposals/{id}) this grant answered, if its answer was recorded. */
  answersProposal!: string | null;
  /** The record's version: the ETag, and the If-Match of a revocation or a withdrawal. */
  version!: number;
}
