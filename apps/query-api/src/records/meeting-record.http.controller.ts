import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { findMeeting, MeetingRecord } from '@civic/projections';
import { Access, ApiProblems, HttpReply, InjectPool, RecordIdParams, streamOf } from '@civic/platform';
import { MeetingRecordResponse } from './meeting-record.response';
import { recordAnswer } from './record-answer';
import { PersonalDataReads } from '../personal-data/personal-data-reads';

/** One meeting by its id (the Location of its 201): every field as last recorded (chairs, guests, reports, indicators). */
@ApiTags('meetings')
@Controller('v1/meetings')
export class MeetingRecordHttpController {
  constructor(
    @InjectPool() private readonly pool: Pool,
    private readonly personalData: PersonalDataReads,
  ) {}

  @Get(':id')
  @Access({ kind: 'read', stream: streamOf('meeting-', 'id') })
  @ApiOkResponse({ type: MeetingRecordResponse })
  @ApiProblems(400, 404)
  async one(@Param() { id }: RecordIdParams, @Res({ passthrough: true }) response: HttpReply): Promise<MeetingRecord> {
    const record = recordAnswer(await findMeeting(this.pool, id), response, `meeting ${id}`);
    return { ...record, meeting: await this.personalData.openRecord('MeetingHeld', record.meeting) };
  }
}
