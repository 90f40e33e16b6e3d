import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { KeyObject } from 'node:crypto';
import { AuditEventsResponse, StreamAnchorsResponse, StreamHistoryResponse, StreamVerificationResponse } from './audit.response';
import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { Pool } from 'pg';
import { AnchorVerifier, AuditLog, AuditLogReader, ChainVerifier, readAnchorPublicKeys, VerificationReport } from '@civic/event-store';
import { Access, ApiProblems, InjectPool, sendJsonAnswer, sendJsonText, HttpReply } from '@civic/platform';
import { AuditPages } from './audit-pages';
import { PersonalDataReads } from '../personal-data/personal-data-reads';
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
  private readonly anchors: AnchorVerifier;
  /** The keys the log's anchors are signed with; none when ANCHOR_PUBLIC_KEY_FILE is unset. */
  private readonly anchorKeys?: ReadonlyMap<string, KeyObject>;

  constructor(@InjectPool() pool: Pool, private readonly personalData: PersonalDataReads) {
    this.log = new AuditLogReader(pool);
    this.pages = new AuditPages(this.log, (json) => personalData.openEventsJson(json, 'items'), () => personalData.erasuresHeard);
    personalData.onErasure(() => this.pages.forgetAll());
    this.chains = new ChainVerifier(pool);
    this.anchors = new AnchorVerifier(pool);
    const keyFiles = process.env.ANCHOR_PUBLIC_KEY_FILE;
    this.anchorKeys = keyFiles ? readAnchorPublicKeys(keyFiles.split(',')) : undefined;
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
    return sendJsonText(response, await this.personalData.openEventsJson(history, 'versions'));
  }

  /**
   * Recomputes the hash chain of one record — intact, or the first link that was broken and how — and checks it
   * against the signed anchors of the log, which name a version rewritten even when every hash was recomputed.
   * `intact` is true only when both hold.
   */
  @Get('streams/:streamId/verify')
  @ApiOkResponse({ type: StreamVerificationResponse })
  @ApiProblems(400, 404)
  async verify(@Param() { streamId }: StreamIdParams): Promise<{ streamId: string; anchors: StreamAnchorsResponse } & VerificationReport> {
    const report = await this.chains.verify({ kind: 'stream', streamId });
    if (!report.eventsChecked && !report.firstBrokenLink) throw new NotFoundException(`No record has the stream id ${streamId}.`);
    if (!this.anchorKeys) {
      const reason = 'No anchor public key is configured (ANCHOR_PUBLIC_KEY_FILE): the record was checked by its hash chain only.';
      return { streamId, ...report, anchors: { checked: false, intact: true, anchorsChecked: 0, eventsAnchored: 0, notYetAnchored: report.eventsChecked, problems: [], reason } };
    }
    const anchors = await this.anchors.verifyStream(streamId, this.anchorKeys);
    return { streamId, ...report, intact: report.intact && anchors.intact, anchors: { checked: true, ...anchors, problems: [...anchors.problems] } };
  }
}
