import { CivicBody } from '../shared/civic-body';
import { CivicDate } from '../shared/civic-date';
import { CountQualifier, DatePrecision } from '../shared/vague-facts';
import { UnitCode } from '../shared/unit-code';
import { Award, CommendationType } from './commendation-vocabulary';
import { LegalRegime } from './legal-regime';

export const COMMENDATION_STREAM_TYPE = 'commendation';
export const commendationStreamId = (commendationId: string): string => `commendation-${commendationId}`;

export interface BodyOfUnit {
  readonly body: CivicBody;
  readonly unitCode: UnitCode;
}

/**
 * Articles often give only a count ("41 tập thể và 56 cá nhân"), not always an exact one ("hơn 40 tập thể");
 * sometimes the names.
 */
export type RecipientGroup =
  | { readonly count: number; readonly qualifier: CountQualifier; readonly names?: undefined }
  | { readonly names: readonly string[]; readonly count?: undefined; readonly qualifier?: undefined };

export interface Recipients {
  readonly collectives?: RecipientGroup;
  readonly individuals?: RecipientGroup;
  readonly households?: RecipientGroup;
}

export const recipientCount = (group: RecipientGroup | undefined): number => (group ? (group.count ?? group.names.length) : 0);

export interface CommendationGrantedData {
  readonly commendationId: string;
  readonly award: Award;
  readonly commendationType: CommendationType;
  readonly issuer: BodyOfUnit;
  /** Bodies granting jointly ("UBND quận và UB MTTQ quận tặng giấy khen"). */
  readonly jointIssuers: readonly BodyOfUnit[];
  /** Who proposed it, when not the issuer ("Khối Dân vận đề xuất Đảng ủy phường khen thưởng"). */
  readonly proposer: BodyOfUnit | null;
  readonly grantedOn: CivicDate;
  /** How exact `grantedOn` is: the day, the month, or the latest it can have been. */
  readonly grantedOnPrecision: DatePrecision;
  /** The year of the achievement commended ("thành tích năm 2020"); summaries count it there. */
  readonly forYear: number;
  readonly decisionNumber: string | null;
  readonly recipients: Recipients;
  readonly reason: string;
  readonly posthumous: boolean;
  readonly meetingId: string | null;
  readonly movementId: string | null;
  /** The legal regime the grant was judged under. */
  readonly regime: LegalRegime;
}

export interface CommendationGranted {
  readonly type: 'CommendationGranted';
  readonly data: CommendationGrantedData;
}

export interface CommendationRevoked {
  readonly type: 'CommendationRevoked';
  readonly data: { readonly commendationId: string; readonly revokedOn: CivicDate; readonly reason: string; readonly unitCode: UnitCode };
}

/**
 * The record of a grant withdrawn because it was recorded in error (no such grant was made, or not as recorded):
 * a correction of the record, not a legal act. A revocation is the legal act that takes back a grant that was made.
 * The grant stays in the history; reads count it nowhere.
 */
export interface CommendationRecordWithdrawn {
  readonly type: 'CommendationRecordWithdrawn';
  readonly data: { readonly commendationId: string; readonly reason: string; readonly withdrawnOn: CivicDate; readonly unitCode: UnitCode };
}

export type CommendationEvent = CommendationGranted | CommendationRevoked | CommendationRecordWithdrawn;

export const COMMENDATION_EVENT_SCHEMA_VERSIONS: Record<CommendationEvent['type'], number> = {
  CommendationGranted: 2,
  CommendationRevoked: 1,
  CommendationRecordWithdrawn: 1,
};
