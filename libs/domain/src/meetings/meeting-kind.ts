import { COUNT_QUALIFIER_VALUES, COUNT_QUALIFIERS, CountQualifier } from '../shared/vague-facts';

/** Kinds of meeting and public event at ward, district and city level (domain-reference §4.1). */
export const MEETING_KINDS = {
  HOI_NGHI_TONG_KET: { vi: 'Hội nghị tổng kết', en: 'Annual or term-end review conference' },
  HOI_NGHI_SO_KET: { vi: 'Hội nghị sơ kết', en: 'Interim or mid-term review' },
  PHAT_DONG_THI_DUA: { vi: 'Lễ / hội nghị phát động thi đua', en: 'Launch of an emulation movement' },
  BIEU_DUONG_KHEN_THUONG: { vi: 'Hội nghị biểu dương, khen thưởng', en: 'Commendation ceremony' },
  HOP_HOI_DONG_TDKT: { vi: 'Họp Hội đồng Thi đua – Khen thưởng', en: 'Emulation and Commendation Council meeting' },
  KY_HOP_HDND: { vi: 'Kỳ họp HĐND', en: "People's Council session" },
  TIEP_XUC_CU_TRI: { vi: 'Tiếp xúc cử tri', en: 'Voter-contact meeting' },
  HOI_NGHI_CU_TRI: { vi: 'Hội nghị cử tri nơi cư trú', en: "Residential voters' conference" },
  DOI_THOAI: { vi: 'Hội nghị đối thoại', en: 'Dialogue between leaders and residents' },
  TIEP_CONG_DAN: { vi: 'Tiếp công dân', en: 'Citizen reception session' },
  DAI_HOI: { vi: 'Đại hội', en: 'Congress electing the leadership for a term' },
  HOI_NGHI_BCH: { vi: 'Hội nghị Ban Chấp hành Đảng bộ', en: 'Party executive committee meeting' },
  NGAY_HOI_DDK: { vi: 'Ngày hội Đại đoàn kết toàn dân tộc', en: 'National Great Unity Day festival' },
  HOP_TO_DAN_PHO: { vi: 'Họp tổ dân phố', en: 'Residential-group meeting' },
  HOI_NGHI_TRIEN_KHAI: { vi: 'Hội nghị triển khai', en: 'Deployment conference' },
  HOI_NGHI_QUAN_TRIET: { vi: 'Hội nghị học tập, quán triệt nghị quyết', en: 'Study-and-dissemination conference' },
  GIAO_BAN: { vi: 'Họp giao ban', en: 'Routine briefing meeting' },
  GAP_MAT: { vi: 'Gặp mặt', en: 'Get-together for grassroots cadres' },
} as const;

export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_VALUES = Object.keys(MEETING_KINDS) as MeetingKind[];

/** How exact a reported attendance is: "160 đại biểu", "khoảng 100", "hơn/trên 300" (shared/vague-facts.ts). */
export const ATTENDANCE_QUALIFIERS = COUNT_QUALIFIERS;
export type AttendanceQualifier = CountQualifier;
export const ATTENDANCE_QUALIFIER_VALUES = COUNT_QUALIFIER_VALUES;
