import { CivicDate } from '../shared/civic-date';
import { Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { UnitCode } from '../shared/unit-code';

/**
 * Erasure of a person's data at their request (Decree 13/2023/NĐ-CP, Điều 16): the keys that sealed the person's
 * name in one record are destroyed (docs/adr/0059), and the act is itself recorded, one stream per erasure, naming the
 * keys, the reason, the legal basis and (in its metadata) who did it; never the name.
 */
export const PERSONAL_DATA_ERASURE_STREAM_TYPE = 'personal-data-erasure';

/** The legal basis cited when the administrator names none. */
export const DEFAULT_ERASURE_LEGAL_BASIS = 'Nghị định 13/2023/NĐ-CP, Điều 16 (quyền xóa dữ liệu cá nhân)';

export interface PersonalDataErased {
  readonly type: 'PersonalDataErased';
  readonly data: {
    readonly erasureId: string;
    /** The record whose person was erased: its stream, and the unit it was recorded under. */
    readonly record: { readonly streamId: string; readonly unitCode: UnitCode };
    /** The data keys destroyed: every sealed value of that person in the record and in what it reserved. */
    readonly keyIds: readonly string[];
    readonly reason: string;
    readonly legalBasis: string;
    readonly erasedOn: CivicDate;
  };
}

export type PersonalDataErasureEvent = PersonalDataErased;

export const PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS: Record<PersonalDataErasureEvent['type'], number> = { PersonalDataErased: 1 };

export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  /** The keys are those found to seal the person's name in the record (none: the person is not named there, or was erased). */
  readonly data: PersonalDataErased['data'];
}

export type PersonalDataErasureState = { readonly erased: boolean };

export const personalDataErasureStreamId = (erasureId: string): string => `${PERSONAL_DATA_ERASURE_STREAM_TYPE}-${erasureId}`;

export const personalDataErasureDecider: Decider<ErasePersonalData, PersonalDataErasureEvent, PersonalDataErasureState> = {
  initialState: () => ({ erased: false }),

  decide({ data }, state) {
    if (state.erased) {
      throw new DomainRuleViolation('PERSONAL_DATA.ERASURE_EXISTS', `Erasure ${data.erasureId} was already recorded; a new erasure needs a new id.`, { field: 'erasureId' });
    }
    if (!data.keyIds.length) {
      throw new DomainRuleViolation(
        'PERSONAL_DATA.PERSON_NOT_IN_RECORD',
        `No name in record ${data.record.streamId} matches the person named (letters, spaces and accents are compared as a search compares them); their data may already have been erased. Nothing was erased.`,
        { field: 'personName', legalBasis: DEFAULT_ERASURE_LEGAL_BASIS },
      );
    }
    return [{ type: 'PersonalDataErased', data }];
  },

  evolve: () => ({ erased: true }),
};
