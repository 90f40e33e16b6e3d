import { ApiProperty } from '@nestjs/swagger';
import type { BrokenLink, EventMetadata, RecordedEvent, VerificationReport } from '@civic/event-store';

export class ActorResponse {
  /** The subject of the token the event was recorded with. */
  subject!: string;
  roles!: string[];
}

export class EventMetadataResponse implements EventMetadata {
  actor!: ActorResponse;
  /** The request the event came from (X-Correlation-Id, or generated). */
  correlationId!: string;
  /** What caused the event: the command for an event recorded by a command. */
  causationId!: string;
  commandId!: string;
  /** The W3C trace context of the request that recorded the event, when it was traced or its caller sent one. */
  traceparent?: string;
  tracestate?: string;
}

export class RecordedEventResponse implements RecordedEvent {
  eventId!: string;
  streamId!: string;
  streamType!: string;
  streamVersion!: number;
  /** The global position in the log, a decimal string (bigint). */
  position!: string;
  /** The writer's transaction id (xid8), which fixes commit order. */
  transactionId!: string;
  type!: string;
  schemaVersion!: number;
  /** The event's payload, as recorded in its schema version (see the AsyncAPI document). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
  metadata!: EventMetadataResponse;
  /** The civic date the fact happened on (Việt Nam). */
  occurredOn!: string;
  recordedAt!: string;
  unitCode!: string;
}

export class AuditEventsResponse {
  items!: RecordedEventResponse[];
  /** Pass as `after` to continue; null when nothing follows. */
  nextAfter!: string | null;
}

export class StreamHistoryResponse {
  streamId!: string;
  versions!: RecordedEventResponse[];
}

export class BrokenLinkResponse implements BrokenLink {
  @ApiProperty({ enum: ['content-altered', 'link-altered', 'chain-broken', 'version-missing'] })
  problem!: BrokenLink['problem'];
  streamId!: string;
  streamVersion!: number;
  position!: string;
  eventId!: string;
  explanation!: string;
}

export class AnchorProblemResponse {
  @ApiProperty({ enum: ['anchor-forged', 'anchor-missing', 'anchors-disagree', 'event-rewritten', 'event-removed', 'event-added'] })
  kind!: string;
  /** The anchor that shows it. */
  sequence!: number;
  /** The event it concerns: position, event id, stream and version. */
  event?: { position: string; eventId: string; streamId: string; streamVersion: number };
  explanation!: string;
}

/** The record against the signed anchors of the log (docs/adr/0058), which a rewrite with recomputed hashes cannot match. */
export class StreamAnchorsResponse {
  /** False when query-api has no anchor public key (ANCHOR_PUBLIC_KEY_FILE): then only the chain was checked. */
  checked!: boolean;
  intact!: boolean;
  anchorsChecked!: number;
  eventsAnchored!: number;
  /** Events recorded after the last anchor: the chain vouches for them, no anchor yet. */
  notYetAnchored!: number;
  @ApiProperty({ type: [AnchorProblemResponse] })
  problems!: AnchorProblemResponse[];
  /** Why it was not checked, when it was not. */
  reason?: string;
}

export class StreamVerificationResponse implements VerificationReport {
  streamId!: string;
  intact!: boolean;
  eventsChecked!: number;
  streamsChecked!: number;
  /** The first broken link in log order, or null when the chain is intact. */
  firstBrokenLink!: BrokenLinkResponse | null;
  anchors!: StreamAnchorsResponse;
}
