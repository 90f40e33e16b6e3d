import { CivicDate } from '../shared/civic-date';
import { UnitsOnDate } from '../shared/unit-context';
import { CommendationGrantedData } from './commendation.events';

export interface GrantCommendation {
  readonly type: 'GrantCommendation';
  readonly data: Omit<CommendationGrantedData, 'regime'>;
  /** Issuer, joint issuers and proposer units as they stood on the grant date. */
  readonly metadata: { readonly receivedOn: CivicDate; readonly units: UnitsOnDate };
}

export interface RevokeCommendation {
  readonly type: 'RevokeCommendation';
  readonly data: { readonly commendationId: string; readonly revokedOn: CivicDate; readonly reason: string };
  readonly metadata: { readonly receivedOn: CivicDate };
}

/** Withdraws a record made in error (a correction of the record, not a revocation). */
export interface WithdrawCommendationRecord {
  readonly type: 'WithdrawCommendationRecord';
  readonly data: { readonly commendationId: string; readonly reason: string };
  readonly metadata: { readonly receivedOn: CivicDate };
}

export type CommendationCommand = GrantCommendation | RevokeCommendation | WithdrawCommendationRecord;
