/** Forms of commendation, Law on Emulation and Commendation 2022 Art. 9 (domain-reference §1.4). */
export const COMMENDATION_FORMS = {
  HUAN_CHUONG: { vi: 'Huân chương', en: 'Order' },
  HUY_CHUONG: { vi: 'Huy chương', en: 'Medal' },
  DANH_HIEU_VINH_DU_NHA_NUOC: { vi: 'Danh hiệu vinh dự nhà nước', en: 'State honorary title' },
  GIAI_THUONG: { vi: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước', en: 'Ho Chi Minh Prize, State Prize' },
  KY_NIEM_CHUONG: { vi: 'Kỷ niệm chương', en: 'Commemorative medal' },
  BANG_KHEN: { vi: 'Bằng khen', en: 'Certificate of Merit' },
  GIAY_KHEN: { vi: 'Giấy khen', en: 'Certificate of Commendation' },
} as const;
export type CommendationForm = keyof typeof COMMENDATION_FORMS;
export const COMMENDATION_FORM_VALUES = Object.keys(COMMENDATION_FORMS) as CommendationForm[];

/** Emulation titles, Law 2022 Art. 19–20 (§1.5), with the recipient kind each may go to (§1.8). */
export const EMULATION_TITLES = {
  CSTD_TOAN_QUOC: { vi: 'Chiến sĩ thi đua toàn quốc', en: 'National Emulation Fighter', recipients: ['INDIVIDUAL'] },
  CSTD_BO_NGANH_TINH: { vi: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh', en: 'Ministry/Provincial Emulation Fighter', recipients: ['INDIVIDUAL'] },
  CSTD_CO_SO: { vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots Emulation Fighter', recipients: ['INDIVIDUAL'] },
  LAO_DONG_TIEN_TIEN: { vi: 'Lao động tiên tiến', en: 'Advanced Worker', recipients: ['INDIVIDUAL'] },
  CHIEN_SI_TIEN_TIEN: { vi: 'Chiến sĩ tiên tiến', en: 'Advanced Soldier', recipients: ['INDIVIDUAL'] },
  CO_THI_DUA_CHINH_PHU: { vi: 'Cờ thi đua của Chính phủ', en: 'Government Emulation Flag', recipients: ['COLLECTIVE'] },
  CO_THI_DUA_BO_NGANH_TINH: { vi: 'Cờ thi đua của bộ, ban, ngành, tỉnh', en: 'Ministry/Provincial Emulation Flag', recipients: ['COLLECTIVE'] },
  TAP_THE_LD_XUAT_SAC: { vi: 'Tập thể lao động xuất sắc', en: 'Excellent Labour Collective', recipients: ['COLLECTIVE'] },
  DON_VI_QUYET_THANG: { vi: 'Đơn vị quyết thắng', en: 'Determined-to-Win Unit', recipients: ['COLLECTIVE'] },
  TAP_THE_LD_TIEN_TIEN: { vi: 'Tập thể lao động tiên tiến', en: 'Advanced Labour Collective', recipients: ['COLLECTIVE'] },
  DON_VI_TIEN_TIEN: { vi: 'Đơn vị tiên tiến', en: 'Advanced Unit', recipients: ['COLLECTIVE'] },
  XA_PHUONG_TIEU_BIEU: { vi: 'Xã, phường, thị trấn tiêu biểu', en: 'Exemplary Commune/Ward', recipients: ['COLLECTIVE'] },
  THON_TDP_VAN_HOA: { vi: 'Thôn, tổ dân phố văn hóa', en: 'Cultural Village / Residential Group', recipients: ['COLLECTIVE'] },
  GIA_DINH_VAN_HOA: { vi: 'Gia đình văn hóa', en: 'Cultural Family', recipients: ['HOUSEHOLD'] },
} as const;
export type EmulationTitle = keyof typeof EMULATION_TITLES;
export const EMULATION_TITLE_VALUES = Object.keys(EMULATION_TITLES) as EmulationTitle[];

/** Types of commendation, Law 2022 Art. 8 (§1.3). */
export const COMMENDATION_TYPES = {
  CONG_TRANG: { vi: 'Khen thưởng công trạng (thường xuyên)', en: 'Merit (regular) commendation' },
  DOT_XUAT: { vi: 'Khen thưởng đột xuất', en: 'Ad-hoc commendation' },
  THEO_PHONG_TRAO: { vi: 'Khen thưởng theo phong trào thi đua', en: 'Commendation for an emulation movement' },
  CHUYEN_DE: { vi: 'Khen thưởng theo chuyên đề', en: 'Thematic commendation' },
  QUA_TRINH_CONG_HIEN: { vi: 'Khen thưởng quá trình cống hiến', en: 'Career-contribution commendation' },
  NIEN_HAN: { vi: 'Khen thưởng theo niên hạn', en: 'Seniority commendation (armed forces)' },
  DOI_NGOAI: { vi: 'Khen thưởng đối ngoại', en: 'Foreign-relations commendation' },
} as const;
export type CommendationType = keyof typeof COMMENDATION_TYPES;
export const COMMENDATION_TYPE_VALUES = Object.keys(COMMENDATION_TYPES) as CommendationType[];

/** Who receives (§1.8): cá nhân, tập thể, hộ gia đình. */
export const RECIPIENT_KINDS = {
  INDIVIDUAL: { vi: 'Cá nhân', en: 'Individual' },
  COLLECTIVE: { vi: 'Tập thể', en: 'Collective' },
  HOUSEHOLD: { vi: 'Hộ gia đình', en: 'Household' },
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KINDS;

/** The award itself: a form of commendation or an emulation title. */
export type Award = { readonly form: CommendationForm; readonly title?: undefined } | { readonly title: EmulationTitle; readonly form?: undefined };

export const awardName = (award: Award): string => (award.form ? COMMENDATION_FORMS[award.form].vi : EMULATION_TITLES[award.title].vi);
