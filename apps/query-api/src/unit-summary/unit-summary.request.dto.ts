import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

class YearQuery extends AsOfQuery {
  @Type(() => Number)
  @Min(1945)
  @Max(2100)
  @IsInt({ message: '$property must be a year such as 2021' })
  year!: number;

  /** `children`: the figures of each unit directly below too (a district's wards, a city's districts or wards). */
  @IsOptional()
  @IsIn(['children'], { message: '$property must be children' })
  @ApiPropertyOptional({ enum: ['children'] })
  breakdown?: 'children';
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
