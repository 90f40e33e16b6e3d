import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { CommendationRecord, findCommendation } from '@civic/projections';
import { Access, ApiProblems, HttpReply, InjectPool, RecordIdParams, streamOf } from '@civic/platform';
import { CommendationRecordResponse } from './commendation-record.response';

/** One commendation by its id (the Location of its 201), every field of it, and where it stands. */
@ApiTags('commendations')
@Controller('v1/commendations')
export class CommendationRecordHttpController {
  constructor(@InjectPool() private readonly pool: Pool) {}

  @Get(':id')
  @Access({ kind: 'read', stream: streamOf('commendation-', 'id') })
  @ApiOkResponse({ type: CommendationRecordResponse })
  @ApiProblems(400, 404)
  async one(@Param() { id }: RecordIdParams, @Res({ passthrough: true }) response: HttpReply): Promise<CommendationRecord> {
    const record = await findCommendation(this.pool, id);
    if (!record) throw new NotFoundException(`No commendation ${id} is on record (one just recorded appears within seconds).`);
    response.header('ETag', `"${record.version}"`);
    return record;
  }
}
