import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { findMovement, MovementRecord } from '@civic/projections';
import { Access, ApiProblems, HttpReply, InjectPool, RecordIdParams, streamOf } from '@civic/platform';
import { MovementRecordResponse } from './movement-record.response';
import { recordAnswer } from './record-answer';

/** One emulation movement by its id (the Location of its 201): every field as launched, its reviews, its status. */
@ApiTags('emulation-movements')
@Controller('v1/emulation-movements')
export class MovementRecordHttpController {
  constructor(@InjectPool() private readonly pool: Pool) {}

  @Get(':id')
  @Access({ kind: 'read', stream: streamOf('emulation-movement-', 'id') })
  @ApiOkResponse({ type: MovementRecordResponse })
  @ApiProblems(400, 404)
  async one(@Param() { id }: RecordIdParams, @Res({ passthrough: true }) response: HttpReply): Promise<MovementRecord> {
    return recordAnswer(await findMovement(this.pool, id), response, `emulation movement ${id}`);
  }
}
