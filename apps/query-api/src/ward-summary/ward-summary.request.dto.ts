import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { COMMUNE_CODE_PATTERN } from '@civic/domain';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

/** GET /v1/summaries/wards/{code}?year=YYYY[&asOf=timestamp] */
export class WardSummaryRequest extends AsOfQuery {
  @Matches(COMMUNE_CODE_PATTERN, { message: '$property must be the 5-digit official code of a ward or commune' })
  code!: string;

  @Type(() => Number)
  @Min(1945)
  @Max(2100)
  @IsInt({ message: '$property must be a year such as 2021' })
  year!: number;
}
