import type { MeetingHeldData } from '@civic/domain';
import type { MeetingRecord } from '@civic/projections';
import { AttendeeCountResponse, BodyAtUnitResponse } from '../lists/lists.response';

export class MeetingPersonResponse {
  fullName!: string;
  /** The office held there ("Bí thư Đảng ủy phường"). */
  role!: string;
}

export class MeetingReportResponse {
  title!: string;
  presenter!: MeetingPersonResponse | null;
}

export class MeetingIndicatorResponse {
  label!: string;
  numerator!: number;
  denominator!: number | null;
  unit!: string | null;
}

export class MeetingSourceResponse {
  url!: string | null;
  publishedOn!: string | null;
  author!: string | null;
}

export class YearTermResponse {
  fromYear!: number;
  toYear!: number;
}

/** The meeting as last recorded: every field of MeetingHeld (current schema version). */
export class MeetingResponse {
  meetingId!: string;
  unitCode!: string;
  /** HOI_NGHI, KY_HOP, … */
  kind!: string;
  title!: string;
  heldOn!: string;
  venue!: string | null;
  convenedBy!: BodyAtUnitResponse[];
  chairs!: MeetingPersonResponse[];
  guests!: MeetingPersonResponse[];
  attendeeCount!: AttendeeCountResponse | null;
  reviewYear!: number | null;
  planYear!: number | null;
  subjectTerm!: YearTermResponse | null;
  theme!: string | null;
  reports!: MeetingReportResponse[];
  indicators!: MeetingIndicatorResponse[];
  source!: MeetingSourceResponse | null;
}

export class MeetingRecordResponse implements MeetingRecord {
  meeting!: MeetingResponse & MeetingHeldData;
  /** How many times it was corrected; every earlier version is in the audit. */
  corrections!: number;
  /** The record's version: the ETag, and the If-Match of a correction. */
  version!: number;
}
