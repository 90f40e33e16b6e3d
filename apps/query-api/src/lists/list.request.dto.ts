import { IsYear } from '../query-fields.decorators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, MinLength } from 'class-validator';
import {
  COMMENDATION_FORM_VALUES,
  EMULATION_TITLE_VALUES,
  MEETING_KIND_VALUES,
  UNIT_CODE_PATTERN,
} from '@civic/domain';
import { IsCivicDate, NfcText } from '@civic/platform';

/** The most items one page holds: a dashboard's table or a CSV download of a year of a district. */
export const MAX_PAGE_ITEMS = 1000;

/**
 * What every list takes: the unit (`unitCode`, and with `includeDescendants=true` every unit below it on each
 * record's date), the records' dates (`from`, `to`, inclusive), and paging: `limit` (1–1000, default 20) and the
 * `after` cursor of the previous page.
 */
export class PageRequest {
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(MAX_PAGE_ITEMS)
  @IsInt()
  limit?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: '$property must be the nextCursor of a previous page' })
  after?: string;

  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: '$property must be an official unit code: 2, 3 or 5 digits' })
  unitCode?: string;

  /** With `unitCode`: the records of every unit below it too, each by the hierarchy of the record's date. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  includeDescendants?: 'true' | 'false';

  /** Records dated on or after this day (YYYY-MM-DD). */
  @IsOptional()
  @IsCivicDate()
  from?: string;

  /** Records dated on or before this day (YYYY-MM-DD). */
  @IsOptional()
  @IsCivicDate()
  to?: string;
}

/** A page of one year's records. */
export class YearPageRequest extends PageRequest {
  @IsOptional()
  @IsYear()
  year?: number;
}

/** A page of one year's records searched by words of their title or name. */
export class SearchedYearPageRequest extends YearPageRequest {
  /** Words of the title (a meeting's) or name (a movement's); diacritics, đ and case are ignored ("hoi nghi tong ket"). */
  @IsOptional()
  @MinLength(2)
  @NfcText(200)
  q?: string;
}

export class MeetingListRequest extends SearchedYearPageRequest {
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

/** `year`: movements that ran during it, as summaries count them active (launched by its end, not concluded before it). */
export class MovementListRequest extends SearchedYearPageRequest {
  @IsOptional()
  @IsIn(['ACTIVE', 'CONCLUDED'])
  @ApiPropertyOptional({ enum: ['ACTIVE', 'CONCLUDED'] })
  status?: 'ACTIVE' | 'CONCLUDED';
}
