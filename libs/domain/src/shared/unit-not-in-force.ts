import { CivicDate } from './civic-date';
import { DomainRuleViolation } from './domain-rule-violation';
import { UnitCode } from './unit-code';
import { CivicBody } from './civic-body';
import { unitIn, UnitOnDate, UnitsOnDate } from './unit-context';
import { absenceOfBody } from './bodies-at-unit';

const TWO_TIER_FROM = '2025-07-01';

/**
 * A refusal of a unit code no unit had on the fact's date, with the text that lists the units of that date. A
 * district code after 2025-07-01 is said to be abolished, in words: the district level ended then.
 */
export function unitNotInForce(code: string, unitCode: UnitCode, date: CivicDate, consequence: string, field: string): DomainRuleViolation {
  if (date >= TWO_TIER_FROM) {
    const abolished = unitCode.length === 3 ? `: districts were abolished on ${TWO_TIER_FROM}, when local government became two-tier` : '';
    return new DomainRuleViolation(code, `No administrative unit had the code ${unitCode} on ${date}${abolished}; ${consequence}.`, {
      field,
      legalBasis: 'Luật Tổ chức chính quyền địa phương 72/2025/QH15; Quyết định 19/2025/QĐ-TTg (danh mục đơn vị hành chính từ 01/07/2025)',
    });
  }
  return new DomainRuleViolation(code, `No administrative unit had the code ${unitCode} on ${date}; ${consequence}.`, {
    field,
    legalBasis: 'Quyết định 124/2004/QĐ-TTg (danh mục và mã số đơn vị hành chính) and the list of units in force on that date',
  });
}

/** How to refuse a body whose unit, or which itself, did not exist on the fact's date. */
export interface BodyRefusals {
  /** Rule code for a unit code no unit had; rule code for a body the unit did not have. */
  readonly unitCode: string;
  readonly bodyCode: string;
  /** What followed for the fact ("none of its bodies could propose a commendation then"). */
  readonly consequence: string;
  /** The request field holding the body ("proposer"): refusals name `<field>/unitCode` or `<field>/body`. */
  readonly field: string;
}

/** The unit of a body as it stood on the date, once both the unit and the body at it are known to have existed. */
export function unitOfExistingBody(body: { body: CivicBody; unitCode: UnitCode }, date: CivicDate, units: UnitsOnDate, refusals: BodyRefusals): UnitOnDate {
  const unit = unitIn(units, body.unitCode);
  if (!unit) throw unitNotInForce(refusals.unitCode, body.unitCode, date, refusals.consequence, `${refusals.field}/unitCode`);
  const absence = absenceOfBody(body.body, unit, date);
  if (absence) throw new DomainRuleViolation(refusals.bodyCode, absence.rule, { field: `${refusals.field}/body`, legalBasis: absence.legalBasis });
  return unit;
}
