/** Movement or campaign (domain-reference §1.9): several "movements" are formally Fatherland Front campaigns. */
export const MOVEMENT_KINDS = {
  PHONG_TRAO: { vi: 'Phong trào thi đua', en: 'Emulation movement' },
  CUOC_VAN_DONG: { vi: 'Cuộc vận động', en: '(Mass) campaign' },
} as const;
export type MovementKind = keyof typeof MOVEMENT_KINDS;
export const MOVEMENT_KIND_VALUES = Object.keys(MOVEMENT_KINDS) as MovementKind[];

/** Forms of organisation, Law 2022 Art. 16(1). Regime A's "thi đua theo đợt" is recorded as CHUYEN_DE. */
export const MOVEMENT_FORMS = {
  THUONG_XUYEN: { vi: 'Thi đua thường xuyên', en: 'Regular emulation' },
  CHUYEN_DE: { vi: 'Thi đua theo chuyên đề (theo đợt)', en: 'Thematic (campaign-phase) emulation' },
} as const;
export type MovementForm = keyof typeof MOVEMENT_FORMS;
export const MOVEMENT_FORM_VALUES = Object.keys(MOVEMENT_FORMS) as MovementForm[];

/** Scope, Art. 16(2). */
export const MOVEMENT_SCOPES = {
  TOAN_QUOC: { vi: 'Toàn quốc', en: 'Nationwide' },
  DIA_PHUONG: { vi: 'Bộ, ban, ngành, đoàn thể, địa phương', en: 'A sector, organisation or locality' },
  CUM_KHOI: { vi: 'Cụm, khối thi đua', en: 'An emulation cluster or bloc' },
  CO_QUAN_DON_VI: { vi: 'Cơ quan, tổ chức, đơn vị', en: 'A single agency or unit' },
} as const;
export type MovementScope = keyof typeof MOVEMENT_SCOPES;
export const MOVEMENT_SCOPE_VALUES = Object.keys(MOVEMENT_SCOPES) as MovementScope[];

/** Sơ kết (interim) and tổng kết (final) reviews, Art. 17. A final review concludes the movement. */
export const MOVEMENT_REVIEW_KINDS = {
  SO_KET: { vi: 'Sơ kết', en: 'Interim review' },
  TONG_KET: { vi: 'Tổng kết', en: 'Final review' },
} as const;
export type MovementReviewKind = keyof typeof MOVEMENT_REVIEW_KINDS;
export const MOVEMENT_REVIEW_KIND_VALUES = Object.keys(MOVEMENT_REVIEW_KINDS) as MovementReviewKind[];
