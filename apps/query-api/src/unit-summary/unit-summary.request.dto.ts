import { IsCityCode, IsDistrictCode, IsYear } from '../query-fields.decorators';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

class YearQuery extends AsOfQuery {
  @IsYear()
  year!: number;

  /** `children`: the figures of each unit directly below too (a district's wards, a city's districts or wards). */
  @IsOptional()
  @IsIn(['children'], { message: '$property must be children' })
  @ApiPropertyOptional({ enum: ['children'] })
  breakdown?: 'children';
}

/** GET /v1/summaries/districts/{code}?year=YYYY */
export class DistrictSummaryRequest extends YearQuery {
  @IsDistrictCode()
  code!: string;
}

/** GET /v1/summaries/cities/{code}?year=YYYY */
export class CitySummaryRequest extends YearQuery {
  @IsCityCode()
  code!: string;
}
