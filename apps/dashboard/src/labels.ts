import { CIVIC_BODIES, COMMENDATION_FORMS, COUNT_QUALIFIERS, EMULATION_TITLES, MEETING_KINDS, MOVEMENT_FORMS, MOVEMENT_KINDS, MOVEMENT_REVIEW_KINDS, MOVEMENT_SCOPES } from '@civic/domain';

// Names officials use, from the domain's own vocabulary: the words the API validates against, never a second copy.

type Vocabulary = Readonly<Record<string, { readonly vi: string }>>;
const named = (vocabulary: Vocabulary) => (value: string | null | undefined) => (value ? (vocabulary[value]?.vi ?? value) : '');

export const meetingKindName = named(MEETING_KINDS);
export const awardName = named({ ...COMMENDATION_FORMS, ...EMULATION_TITLES });
export const bodyName = named(CIVIC_BODIES);
export const qualifierName = named(COUNT_QUALIFIERS);
export const movementKindName = named(MOVEMENT_KINDS);
export const movementFormName = named(MOVEMENT_FORMS);
export const movementScopeName = named(MOVEMENT_SCOPES);
export const reviewKindName = named(MOVEMENT_REVIEW_KINDS);

export const LEVEL_NAMES: Readonly<Record<string, string>> = { PROVINCE: 'Tỉnh, thành phố', DISTRICT: 'Quận, huyện', COMMUNE: 'Phường, xã' };

export const STATUS_NAMES: Readonly<Record<string, string>> = {
  ACTIVE: 'Đang triển khai',
  CONCLUDED: 'Đã tổng kết',
  IN_FORCE: 'Có hiệu lực',
  REVOKED: 'Đã thu hồi',
  WITHDRAWN: 'Đã rút (ghi nhầm)',
};

const numbers = new Intl.NumberFormat('vi-VN');
export const formatNumber = (value: number) => numbers.format(value);

/** 2021-01-08 → 08/01/2021, as dates are written in Vietnamese documents. */
export const formatDate = (date: string | null | undefined) => (date ? date.split('-').reverse().join('/') : '');

const collator = new Intl.Collator('vi');
/** Vietnamese alphabetical order (Đ after D, tones after the base letter). */
export const compareText = (a: string, b: string) => collator.compare(a, b);
