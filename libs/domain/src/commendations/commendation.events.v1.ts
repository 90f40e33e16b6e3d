import { CommendationGrantedData } from './commendation.events';

/** Schema version 1 of a recipient group, frozen: a count was always taken as exact. */
export type RecipientGroupV1 = { readonly count: number; readonly names?: undefined } | { readonly names: readonly string[]; readonly count?: undefined };

export interface RecipientsV1 {
  readonly collectives?: RecipientGroupV1;
  readonly individuals?: RecipientGroupV1;
  readonly households?: RecipientGroupV1;
}

/**
 * Schema version 1 of CommendationGranted, frozen: grants recorded before vague facts could be said (an exact
 * date, exact counts). Never rewritten; `upcastGrant` reads them as the current version.
 */
export type CommendationGrantedDataV1 = Omit<CommendationGrantedData, 'grantedOnPrecision' | 'recipients'> & { readonly recipients: RecipientsV1 };
