import { CivicDate } from '../shared/civic-date';
import { UnitCode, UnitLevel } from '../shared/unit-code';

export const ADMIN_UNIT_STREAM_TYPE = 'admin-unit';
export const adminUnitStreamId = (code: UnitCode): string => `admin-unit-${code}`;
export const UNIT_REGISTRY_STREAM_ID = 'admin-unit-registry';

/** Where a fact about a unit comes from: the official list or resolution it was read from. */
export interface UnitSource {
  readonly list: string;
  readonly legalBasis?: string;
}

/** A unit as one version of its lineage: the name, type and parent it had between two dates. */
export interface UnitAttributes {
  readonly name: string;
  /** GSO type string: Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Phường, Xã, Thị trấn, Đặc khu. */
  readonly type: string;
  readonly parentCode: UnitCode | null;
}

export interface UnitEstablished {
  readonly type: 'UnitEstablished';
  readonly data: UnitAttributes & {
    readonly code: UnitCode;
    readonly level: UnitLevel;
    /** null: the unit already existed when the registry's first list was taken (it is known since `knownSince`). */
    readonly validFrom: CivicDate | null;
    readonly knownSince: CivicDate;
    readonly source: UnitSource;
  };
}

/** A new version of the same lineage: renamed, retyped, moved to another parent, or its territory changed. */
export interface UnitChanged {
  readonly type: 'UnitChanged';
  readonly data: UnitAttributes & {
    readonly code: UnitCode;
    readonly effectiveFrom: CivicDate;
    readonly source: UnitSource;
  };
}

export interface UnitDissolved {
  readonly type: 'UnitDissolved';
  readonly data: { readonly code: UnitCode; readonly validTo: CivicDate; readonly source: UnitSource };
}

export type SuccessionCoverage = 'FULL' | 'PARTIAL';

/** Where a unit's territory went from a date: the whole of it (FULL) or a part (PARTIAL). */
export interface UnitSucceeded {
  readonly type: 'UnitSucceeded';
  readonly data: {
    readonly code: UnitCode;
    readonly effectiveFrom: CivicDate;
    readonly successors: readonly { readonly code: UnitCode; readonly coverage: SuccessionCoverage }[];
    readonly source: UnitSource;
  };
}

export type AdminUnitEvent = UnitEstablished | UnitChanged | UnitDissolved | UnitSucceeded;

/** Recorded once per import on the registry's own stream: what was read, and what it changed. */
export interface UnitListImported {
  readonly type: 'UnitListImported';
  readonly data: {
    readonly list: string;
    readonly contentHash: string;
    readonly effectiveFrom: CivicDate;
    readonly counts: Readonly<Record<AdminUnitEvent['type'], number>>;
  };
}

export const ADMIN_UNIT_EVENT_SCHEMA_VERSIONS: Record<AdminUnitEvent['type'] | UnitListImported['type'], number> = {
  UnitEstablished: 1,
  UnitChanged: 1,
  UnitDissolved: 1,
  UnitSucceeded: 1,
  UnitListImported: 1,
};

/** The civic date an event takes effect on, for the log's occurred_on column. */
export function effectiveDateOf(event: AdminUnitEvent): CivicDate {
  switch (event.type) {
    case 'UnitEstablished':
      return event.data.validFrom ?? event.data.knownSince;
    case 'UnitChanged':
    case 'UnitSucceeded':
      return event.data.effectiveFrom;
    case 'UnitDissolved':
      return event.data.validTo;
  }
}
