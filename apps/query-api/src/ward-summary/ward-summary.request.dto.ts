import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { COMMUNE_CODE_PATTERN } from '@civic/domain';

export class WardCodeParams {
  @Matches(COMMUNE_CODE_PATTERN, { message: '$property must be the 5-digit official code of a ward or commune' })
  code!: string;
}

export class SummaryYearQuery {
  @Type(() => Number)
  @IsInt({ message: '$property must be a year such as 2021' })
  @Min(1945)
  @Max(2100)
  year!: number;
}
