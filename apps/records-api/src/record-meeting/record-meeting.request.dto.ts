import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
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
import { IsCivicDate, NfcText, OneOf } from '@civic/platform';

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

  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingChairDto)
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

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConveningBodyDto)
  convenedBy!: ConveningBodyDto[];

  /** Who chaired (chủ trì); several people often do. */
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MeetingChairDto)
  @IsArray()
  chairs?: MeetingChairDto[];

  /** One chair, as the first version of this API took it; added to `chairs`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingChairDto)
  chairedBy?: MeetingChairDto;

  /** Higher-level officials attending (dự, tham dự). */
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeetingChairDto)
  @IsArray()
  guests?: MeetingChairDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeCountDto)
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

  @IsOptional()
  @ValidateNested()
  @Type(() => SubjectTermDto)
  subjectTerm?: SubjectTermDto;

  @IsOptional()
  @NfcText(500)
  theme?: string;

  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeetingReportDto)
  @IsArray()
  reports?: MeetingReportDto[];

  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeetingIndicatorDto)
  @IsArray()
  indicators?: MeetingIndicatorDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingSourceDto)
  source?: MeetingSourceDto;
}
