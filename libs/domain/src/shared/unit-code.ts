/**
 * Official administrative unit codes (Decision 124/2004/QĐ-TTg, Decision 19/2025/QĐ-TTg): 2 digits for a
 * province, 3 for a district, 5 for a commune or ward. They are identifiers, not hierarchical paths. `VN` is the
 * nation, where the national bodies (Chính phủ, Thủ tướng, Ủy ban Trung ương MTTQ) sit; it is not in the lists.
 * @pattern ^(\d{2}|\d{3}|\d{5}|VN)$
 */
export type UnitCode = string;

export const UNIT_CODE_PATTERN = /^(\d{2}|\d{3}|\d{5}|VN)$/;
/** The nation: the unit of the national bodies, above every province. */
export const NATIONAL_CODE = 'VN';
export const COMMUNE_CODE_PATTERN = /^\d{5}$/;

/** The levels of the unit registry (the official lists). */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
/** Where a body sits: a unit of the registry, or the nation. */
export type ScopeLevel = 'NATIONAL' | UnitLevel;

/** The registry level a code names; undefined for the nation (VN) and for malformed codes. */
export function unitLevelOf(code: UnitCode): UnitLevel | undefined {
  if (code === NATIONAL_CODE) return undefined;
  switch (code.length) {
    case 2:
      return 'PROVINCE';
    case 3:
      return 'DISTRICT';
    case 5:
      return 'COMMUNE';
    default:
      return undefined;
  }
}
