import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PROPOSAL_STATUS_VALUES, ProposalStatus } from '@civic/projections';
import { YearPageRequest } from '../lists/list.request.dto';

/** `year`: the year the proposals were made. */
export class ProposalListRequest extends YearPageRequest {
  @IsOptional()
  @IsIn(PROPOSAL_STATUS_VALUES)
  @ApiPropertyOptional({ enum: PROPOSAL_STATUS_VALUES })
  status?: ProposalStatus;
}
