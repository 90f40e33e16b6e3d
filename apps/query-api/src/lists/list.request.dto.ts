import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, MinLength } from 'class-validator';
import {
  COMMENDATION_FORM_VALUES,
  EMULATION_TITLE_VALUES,
  MEETING_KIND_VALUES,
  UNIT_CODE_PATTERN,
} from '@civic/domain';
import { NfcText } from '@civic/platform';

/** Paging shared by every list: `limit` (1–100, default 20) and the `after` cursor of the previous page. */
export class PageRequest {
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(100)
  @IsInt()
  limit?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: '$property must be the nextCursor of a previous page' })
  after?: string;

  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: '$property must be an official unit code: 2, 3 or 5 digits' })
  unitCode?: string;
}

/** A page of one year's records. */
export class YearPageRequest extends PageRequest {
  @IsOptional()
  @Type(() => Number)
  @Min(1945)
  @Max(2100)
  @IsInt()
  year?: number;
}

export class MeetingListRequest extends YearPageRequest {
  @IsOptional()
  @IsIn(MEETING_KIND_VALUES)
  kind?: string;
}

export class CommendationListRequest extends YearPageRequest {
  @IsOptional()
  @IsIn([...COMMENDATION_FORM_VALUES, ...EMULATION_TITLE_VALUES])
  award?: string;


  /** A recipient's name; diacritics and case are ignored. */
  @IsOptional()
  @MinLength(2)
  @NfcText(200)
  recipient?: string;
}

export class MovementListRequest extends PageRequest {
  @IsOptional()
  @IsIn(['ACTIVE', 'CONCLUDED'])
  @ApiPropertyOptional({ enum: ['ACTIVE', 'CONCLUDED'] })
  status?: 'ACTIVE' | 'CONCLUDED';
}
