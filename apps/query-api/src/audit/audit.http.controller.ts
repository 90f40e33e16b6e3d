import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEventsResponse, StreamHistoryResponse, StreamVerificationResponse } from './audit.response';
import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { AuditLog, AuditLogReader, ChainVerifier, VerificationReport } from '@civic/event-store';
import { Access, ApiProblems, InjectPool, sendJsonAnswer, sendJsonText, HttpReply } from '@civic/platform';
import { AuditPages } from './audit-pages';
import { AuditEventsRequest, StreamIdParams } from './audit.request.dto';

/**
 * Audit reads the event log, the system of record: who recorded what, when, under which unit, from which
 * command and request, and what a record said before each correction.
 */
@Access({ kind: 'audit' })
@ApiTags('audit')
@Controller('v1/audit')
export class AuditHttpController {
  private readonly log: AuditLog;
  private readonly chains: ChainVerifier;
  private readonly pages: AuditPages;

  constructor(@InjectPool() pool: Pool) {
    this.log = new AuditLogReader(pool);
    this.pages = new AuditPages(this.log);
    this.chains = new ChainVerifier(pool);
  }

  /** Events of the log in position order, filtered; continue with `after=nextAfter`. */
  @Get('events')
  @ApiOkResponse({ type: AuditEventsResponse })
  @ApiProblems(400)
  events(@Query() q: AuditEventsRequest, @Res() response: HttpReply): Promise<void> {
    const page = this.pages.page({
      unitCode: q.unitCode,
      includeDescendants: q.includeDescendants === 'true',
      eventType: q.type,
      actor: q.actor,
      correlationId: q.correlationId,
      occurredFrom: q.occurredFrom,
      occurredTo: q.occurredTo,
      recordedFrom: q.recordedFrom,
      recordedTo: q.recordedTo,
      afterPosition: q.after,
      limit: q.limit ?? 100,
    });
    return sendJsonAnswer(response, page);
  }

  /** Every version of one record, with who recorded it, when, and from which command and request. */
  @Get('streams/:streamId')
  @ApiOkResponse({ type: StreamHistoryResponse })
  @ApiProblems(400, 404)
  async stream(@Param() { streamId }: StreamIdParams, @Res({ passthrough: true }) response: HttpReply): Promise<string> {
    const history = await this.log.streamJson(streamId);
    if (!history) throw new NotFoundException(`No record has the stream id ${streamId}.`);
    return sendJsonText(response, history);
  }

  /** Recomputes the hash chain of one record: intact, or the first link that was broken and how. */
  @Get('streams/:streamId/verify')
  @ApiOkResponse({ type: StreamVerificationResponse })
  @ApiProblems(400, 404)
  async verify(@Param() { streamId }: StreamIdParams): Promise<{ streamId: string } & VerificationReport> {
    const report = await this.chains.verify({ kind: 'stream', streamId });
    if (!report.eventsChecked && !report.firstBrokenLink) throw new NotFoundException(`No record has the stream id ${streamId}.`);
    return { streamId, ...report };
  }
}
