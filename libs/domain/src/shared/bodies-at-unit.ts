import { CivicBody, CIVIC_BODIES, NATIONAL_BODIES } from './civic-body';
import { CivicDate } from './civic-date';
import { DateRange, inRange, UnitOnDate } from './unit-context';

const HA_NOI = '01';
const DA_NANG = '48';

/** The urban-government pilots, during which some People's Councils did not exist (domain-reference §0.6, §2.2). */
const URBAN_GOVERNMENT_PILOT: DateRange = { from: '2021-07-01', to: '2025-06-30' };

export interface BodyAbsence {
  readonly rule: string;
  readonly legalBasis: string;
}

/**
 * Whether a body existed at a unit on a date. The national bodies sit at the nation alone. Party committees, People's Committees, Fatherland Front
 * committees and the others exist at every unit; People's Councils did not exist at Hà Nội's wards, nor at
 * Đà Nẵng's urban districts and wards, between 2021-07-01 and 2025-06-30.
 */
export function absenceOfBody(body: CivicBody, unit: UnitOnDate, date: CivicDate): BodyAbsence | undefined {
  const national = NATIONAL_BODIES.includes(body);
  if (national !== (unit.level === 'NATIONAL')) {
    return {
      rule: national
        ? `The ${CIVIC_BODIES[body].vi} is a national body: it sits at the nation (unit VN), not at ${unit.name}.`
        : `At the nation (unit VN) only the national bodies sit (${NATIONAL_BODIES.map((b) => CIVIC_BODIES[b].vi).join(', ')}); the ${CIVIC_BODIES[body].vi} is a body of a province, district or commune.`,
      legalBasis: 'Hiến pháp 2013, Chương VII và Điều 9; Luật Tổ chức Chính phủ',
    };
  }
  if (body !== 'HDND' || !inRange(date, URBAN_GOVERNMENT_PILOT)) return undefined;
  if (unit.provinceCode === HA_NOI && unit.type === 'Phường') {
    return {
      rule: `Wards of Hà Nội had no People's Council (HĐND) from 2021-07-01 to 2025-06-30 (urban government pilot); ${unit.name} had none on ${date}.`,
      legalBasis: 'Nghị quyết 97/2019/QH14',
    };
  }
  if (unit.provinceCode === DA_NANG && (unit.type === 'Phường' || unit.type === 'Quận')) {
    return {
      rule: `Urban districts and wards of Đà Nẵng had no People's Council (HĐND) from 2021-07-01 to 2025-06-30 (urban government); ${unit.name} had none on ${date}.`,
      legalBasis: 'Nghị quyết 119/2020/QH14',
    };
  }
  return undefined;
}
