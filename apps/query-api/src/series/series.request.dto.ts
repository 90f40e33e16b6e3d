import { IsCityCode, IsDistrictCode, IsWardCode, IsYear } from '../query-fields.decorators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCivicDate } from '@civic/platform';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

/** `interval`, and the days: a `year`, or `from` and `to` (YYYY-MM-DD, inclusive, at most ten years). */
class SeriesQuery extends AsOfQuery {
  /** month (default) or quarter. */
  @IsOptional()
  @IsIn(['month', 'quarter'], { message: '$property must be month or quarter' })
  @ApiPropertyOptional({ enum: ['month', 'quarter'] })
  interval?: 'month' | 'quarter';

  @IsOptional()
  @IsYear()
  year?: number;

  @IsOptional()
  @IsCivicDate()
  from?: string;

  @IsOptional()
  @IsCivicDate()
  to?: string;
}

/** GET /v1/summaries/wards/{code}/series */
export class WardSeriesRequest extends SeriesQuery {
  @IsWardCode()
  code!: string;
}

/** GET /v1/summaries/districts/{code}/series */
export class DistrictSeriesRequest extends SeriesQuery {
  @IsDistrictCode()
  code!: string;
}

/** GET /v1/summaries/cities/{code}/series */
export class CitySeriesRequest extends SeriesQuery {
  @IsCityCode()
  code!: string;
}
