import { CivicBody } from '../shared/civic-body';
import { CivicDate } from '../shared/civic-date';
import { MeetingKind } from './meeting-kind';

export interface ConveningRule {
  readonly bodies: readonly CivicBody[];
  readonly rule: string;
  readonly legalBasis: string;
}

/**
 * The law on the organisation of local government in force on a date (domain-reference §2.2): Law 65/2025, passed on
 * 2025-02-19, took effect on 2025-03-01.
 */
function localGovernmentLaw(date: CivicDate): string {
  if (date >= '2025-07-01') return 'Luật Tổ chức chính quyền địa phương 72/2025/QH15';
  if (date >= '2025-03-01') return 'Luật Tổ chức chính quyền địa phương 65/2025/QH15';
  return 'Luật Tổ chức chính quyền địa phương 77/2015/QH13';
}

/**
 * Meetings only one body may convene: a session of a People's Council is convened by that Council (its standing
 * committee), a meeting of a Party executive committee by the Party committee. Other kinds are convened by
 * whichever bodies hold them, alone or jointly. Undefined: any body may.
 */
export function conveningRule(kind: MeetingKind, date: CivicDate): ConveningRule | undefined {
  switch (kind) {
    case 'KY_HOP_HDND':
      return {
        bodies: ['HDND'],
        rule: "A session of a People's Council (kỳ họp HĐND) is convened by the People's Council itself, through its standing committee",
        legalBasis: localGovernmentLaw(date),
      };
    case 'HOI_NGHI_BCH':
      return {
        bodies: ['DANG_UY'],
        rule: 'A meeting of the Party executive committee (hội nghị Ban Chấp hành Đảng bộ) is convened by the Party committee',
        legalBasis: 'Điều lệ Đảng Cộng sản Việt Nam',
      };
    default:
      return undefined;
  }
}
