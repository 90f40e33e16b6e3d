import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { YearPageRequest } from '../lists/list.request.dto';

const STATUSES = ['PROPOSED', 'GRANTED', 'REFUSED'] as const;

/** `year`: the year the proposals were made. */
export class ProposalListRequest extends YearPageRequest {
  @IsOptional()
  @IsIn(STATUSES)
  @ApiPropertyOptional({ enum: STATUSES })
  status?: (typeof STATUSES)[number];
}
