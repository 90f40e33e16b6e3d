/**
 * Official administrative unit codes (Decision 124/2004/QĐ-TTg, Decision 19/2025/QĐ-TTg): 2 digits for a
 * province, 3 for a district, 5 for a commune or ward. They are identifiers, not hierarchical paths.
 * @pattern ^(\d{2}|\d{3}|\d{5})$
 */
export type UnitCode = string;

export const UNIT_CODE_PATTERN = /^(\d{2}|\d{3}|\d{5})$/;
export const COMMUNE_CODE_PATTERN = /^\d{5}$/;

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export function unitLevelOf(code: UnitCode): UnitLevel | undefined {
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
