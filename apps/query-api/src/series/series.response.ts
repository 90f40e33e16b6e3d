import { ApiProperty } from '@nestjs/swagger';
import type { SeriesInterval, SeriesPeriod } from '@civic/projections';
import type { UnitLevel } from '@civic/domain';
import type { Series } from './series.handler';
import { RecipientTotalsResponse, UNIT_LEVELS } from '../summaries.response';

export class KindCountResponse {
  kind!: string;
  meetings!: number;
}

export class SeriesMeetingsResponse {
  total!: number;
  byKind!: KindCountResponse[];
}

export class AwardCountResponse {
  /** FORM or TITLE. */
  awardKind!: string;
  award!: string;
  grants!: number;
}

export class SeriesCommendationsResponse {
  /** Grants made in the period and in force. */
  grants!: number;
  recipients!: RecipientTotalsResponse;
  byAward!: AwardCountResponse[];
}

export class SeriesMovementsResponse {
  launched!: number;
}

export class SeriesPeriodResponse implements SeriesPeriod {
  /** `2022-03` for a month, `2022-Q1` for a quarter. */
  period!: string;
  /** The period's first day counted (the range's first day in the first period). */
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  meetings!: SeriesMeetingsResponse;
  commendations!: SeriesCommendationsResponse;
  movements!: SeriesMovementsResponse;
}

export class SeriesResponse implements Series {
  unitCode!: string;
  @ApiProperty({ enum: UNIT_LEVELS })
  level!: UnitLevel;
  name!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ enum: ['MONTH', 'QUARTER'] })
  interval!: SeriesInterval;
  /** Every period of the range, oldest first, empty ones with zeros. */
  periods!: SeriesPeriodResponse[];
  /** Present when the series was asked as of a moment. */
  asOf?: string;
}
