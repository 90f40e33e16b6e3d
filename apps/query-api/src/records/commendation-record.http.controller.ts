import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { CommendationRecord, findCommendation } from '@civic/projections';
import { Access, ApiProblems, HttpReply, InjectPool, RecordIdParams, streamOf } from '@civic/platform';
import { CommendationRecordResponse } from './commendation-record.response';
import { recordAnswer } from './record-answer';
import { PersonalDataReads } from '../personal-data/personal-data-reads';

/** One commendation by its id (the Location of its 201), every field of it, and where it stands. */
@ApiTags('commendations')
@Controller('v1/commendations')
export class CommendationRecordHttpController {
  constructor(
    @InjectPool() private readonly pool: Pool,
    private readonly personalData: PersonalDataReads,
  ) {}

  @Get(':id')
  @Access({ kind: 'read', stream: streamOf('commendation-', 'id') })
  @ApiOkResponse({ type: CommendationRecordResponse })
  @ApiProblems(400, 404)
  async one(@Param() { id }: RecordIdParams, @Res({ passthrough: true }) response: HttpReply): Promise<CommendationRecord> {
    const record = recordAnswer(await findCommendation(this.pool, id), response, `commendation ${id}`);
    return { ...record, commendation: await this.personalData.openRecord('CommendationGranted', record.commendation) };
  }
}
