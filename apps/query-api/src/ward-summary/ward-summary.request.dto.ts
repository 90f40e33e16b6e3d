import { IsWardCode, IsYear } from '../query-fields.decorators';
import { AsOfQuery } from '../time-travel/as-of.request.dto';

/** GET /v1/summaries/wards/{code}?year=YYYY[&asOf=timestamp] */
export class WardSummaryRequest extends AsOfQuery {
  @IsWardCode()
  code!: string;

  @IsYear()
  year!: number;
}
