import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
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
import { IsCivicDate, NfcText } from '@civic/platform';

const UNIT_CODE_MESSAGE = '$property must be an official unit code: 2 (province), 3 (district) or 5 (commune/ward) digits';

export class ConveningBodyDto {
  @IsIn(CIVIC_BODY_VALUES)
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

export class AttendeeCountDto {
  @Min(1)
  @Max(1_000_000)
  @IsInt()
  value!: number;

  @IsIn(ATTENDANCE_QUALIFIER_VALUES)
  qualifier!: AttendanceQualifier;
}

/** POST /v1/meetings: a meeting as a ward news article reports it (domain-reference §4.2). */
export class RecordMeetingRequestDto {
  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  unitCode!: string;

  @IsIn(MEETING_KIND_VALUES)
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

  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingChairDto)
  chairedBy?: MeetingChairDto;

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
}
