import { CivicBody } from '../shared/civic-body';
import { CivicDate } from '../shared/civic-date';
import { UnitCode } from '../shared/unit-code';
import { AttendanceQualifier, MeetingKind } from './meeting-kind';

export const MEETING_STREAM_TYPE = 'meeting';

export interface ConveningBody {
  readonly body: CivicBody;
  readonly unitCode: UnitCode;
}

/** A person at a meeting, with the office they held there ("Bí thư Đảng ủy phường"). */
export interface MeetingChair {
  readonly fullName: string;
  readonly role: string;
}
export type MeetingPerson = MeetingChair;

/** "13/18 TDP đạt danh hiệu TDP văn hóa", "95,65% hộ đạt Gia đình văn hóa", "quỹ vì người nghèo 1.500.000đ". */
export interface MeetingIndicator {
  readonly label: string;
  readonly numerator: number;
  /** The whole the numerator is part of (18 groups, 100 %); null for a plain amount. */
  readonly denominator: number | null;
  /** What is counted when it is not self-evident: "VND", "%", "hộ". */
  readonly unit: string | null;
}

export interface MeetingReport {
  readonly title: string;
  readonly presenter: MeetingPerson | null;
}

/** Where the record comes from: the article or minutes it was taken from. */
export interface MeetingSource {
  readonly url: string | null;
  readonly publishedOn: CivicDate | null;
  readonly author: string | null;
}

export interface AttendeeCount {
  readonly value: number;
  readonly qualifier: AttendanceQualifier;
}

/**
 * Schema version 2 of MeetingHeld: the meeting record of domain-reference §4.2. Version 1 (meeting.events.v1.ts)
 * had a single `chairedBy` and none of guests, term, theme, reports, indicators or source.
 */
export interface MeetingHeldData {
  readonly meetingId: string;
  readonly unitCode: UnitCode;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly heldOn: CivicDate;
  readonly venue: string | null;
  readonly convenedBy: readonly ConveningBody[];
  readonly chairs: readonly MeetingPerson[];
  readonly guests: readonly MeetingPerson[];
  readonly attendeeCount: AttendeeCount | null;
  /** The year reviewed ("tổng kết công tác năm 2020"). */
  readonly reviewYear: number | null;
  /** The year whose tasks are set ("triển khai nhiệm vụ năm 2021"). */
  readonly planYear: number | null;
  /** A term reviewed instead of a year ("nhiệm kỳ 2019–2021"). */
  readonly subjectTerm: { readonly fromYear: number; readonly toYear: number } | null;
  /** The theme of the year ("Kỷ cương, trách nhiệm, hành động, sáng tạo và phát triển"). */
  readonly theme: string | null;
  readonly reports: readonly MeetingReport[];
  readonly indicators: readonly MeetingIndicator[];
  readonly source: MeetingSource | null;
}

export interface MeetingHeld {
  readonly type: 'MeetingHeld';
  readonly data: MeetingHeldData;
}

/** The record of a meeting replaced by a corrected one; the earlier version stays in the history. */
export interface MeetingCorrected {
  readonly type: 'MeetingCorrected';
  readonly data: { readonly meetingId: string; readonly reason: string; readonly meeting: MeetingHeldData };
}

export type MeetingEvent = MeetingHeld | MeetingCorrected;

export const MEETING_EVENT_SCHEMA_VERSIONS: Record<MeetingEvent['type'], number> = {
  MeetingHeld: 2,
  MeetingCorrected: 2,
};
