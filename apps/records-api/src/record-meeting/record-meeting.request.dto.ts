import {
  IsInt,
  IsNumber,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ATTENDANCE_QUALIFIER_VALUES,
  AttendanceQualifier,
  CIVIC_BODY_VALUES,
  CivicBody,
  MEETING_KIND_VALUES,
  MeetingKind,
  UNIT_CODE_PATTERN,
} from '@civic/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsCivicDate, NestedList, NestedObject, NfcText, OneOf } from '@civic/platform';

const UNIT_CODE_MESSAGE = '$property must be an official unit code: 2 (province), 3 (district) or 5 (commune/ward) digits';

export class ConveningBodyDto {
  @OneOf(CIVIC_BODY_VALUES)
  body!: CivicBody;

  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  unitCode!: string;
}

export class MeetingChairDto {
  @NfcText(200)
  fullName!: string;

  @NfcText(300)
  role!: string;
}

export class MeetingReportDto {
  @NfcText(500)
  title!: string;

  @NestedObject(() => MeetingChairDto, { optional: true })
  presenter?: MeetingChairDto;
}

export class MeetingIndicatorDto {
  @NfcText(300)
  label!: string;

  @Min(0)
  @Max(1e15)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  numerator!: number;

  @IsOptional()
  @Min(0)
  @Max(1e15)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  denominator?: number;

  @IsOptional()
  @NfcText(50)
  unit?: string;
}

export class SubjectTermDto {
  @Min(1945)
  @Max(2100)
  @IsInt()
  fromYear!: number;

  @Min(1945)
  @Max(2100)
  @IsInt()
  toYear!: number;
}

export class MeetingSourceDto {
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @IsOptional()
  @IsCivicDate()
  publishedOn?: string;

  @IsOptional()
  @NfcText(200)
  author?: string;
}

export class AttendeeCountDto {
  @Min(1)
  @Max(1_000_000)
  @IsInt()
  value!: number;

  @OneOf(ATTENDANCE_QUALIFIER_VALUES)
  qualifier!: AttendanceQualifier;
}

/** POST /v1/meetings: a meeting as a ward news article reports it (domain-reference §4.2). */
export class RecordMeetingRequestDto {
  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  unitCode!: string;

  @OneOf(MEETING_KIND_VALUES)
  kind!: MeetingKind;

  @NfcText(500)
  title!: string;

  @IsCivicDate()
  heldOn!: string;

  @IsOptional()
  @NfcText(300)
  venue?: string;

  /** The bodies that convened it; a body of a unit above the meeting's unit may convene with it (ADR 0035). */
  @NestedList(() => ConveningBodyDto, { maxItems: 20 })
  convenedBy!: ConveningBodyDto[];

  /** Who chaired (chủ trì), as a list: several people often do. */
  @NestedList(() => MeetingChairDto, { optional: true, maxItems: 20 })
  chairs?: MeetingChairDto[];

  /**
   * Deprecated: one chair as a single object `{fullName, role}`, as the first version of this API took it; it is
   * put first in `chairs`. A list here is refused (400): send several chairs as `chairs`.
   */
  @ApiProperty({ deprecated: true })
  @NestedObject(() => MeetingChairDto, { optional: true })
  chairedBy?: MeetingChairDto;

  /** Higher-level officials attending (dự, tham dự). */
  @NestedList(() => MeetingChairDto, { optional: true, maxItems: 100 })
  guests?: MeetingChairDto[];

  @NestedObject(() => AttendeeCountDto, { optional: true })
  attendeeCount?: AttendeeCountDto;

  @IsOptional()
  @Min(1945)
  @Max(2100)
  @IsInt()
  reviewYear?: number;

  @IsOptional()
  @Min(1945)
  @Max(2100)
  @IsInt()
  planYear?: number;

  @NestedObject(() => SubjectTermDto, { optional: true })
  subjectTerm?: SubjectTermDto;

  @IsOptional()
  @NfcText(500)
  theme?: string;

  @NestedList(() => MeetingReportDto, { optional: true, maxItems: 50 })
  reports?: MeetingReportDto[];

  @NestedList(() => MeetingIndicatorDto, { optional: true, maxItems: 100 })
  indicators?: MeetingIndicatorDto[];

  @NestedObject(() => MeetingSourceDto, { optional: true })
  source?: MeetingSourceDto;
}
