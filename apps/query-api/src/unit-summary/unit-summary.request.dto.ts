import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

class YearQuery extends AsOfQuery {
  @Type(() => Number)
  @Min(1945)
  @Max(2100)
  @IsInt({ message: '$property must be a year such as 2021' })
  year!: number;
}

/** GET /v1/summaries/districts/{code}?year=YYYY */
export class DistrictSummaryRequest extends YearQuery {
  @Matches(/^\d{3}$/, { message: '$property must be the 3-digit official code of a district' })
  code!: string;
}

/** GET /v1/summaries/cities/{code}?year=YYYY */
export class CitySummaryRequest extends YearQuery {
  @Matches(/^\d{2}$/, { message: '$property must be the 2-digit official code of a province or centrally-run city' })
  code!: string;
}
