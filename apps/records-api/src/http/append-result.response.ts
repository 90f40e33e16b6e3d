import type { AppendResult } from '@civic/event-store';

/** What a recorded command answers; a retry with the same Idempotency-Key answers the same. */
export class AppendResultResponse implements AppendResult {
  /** The record's stream, e.g. meeting-3f0c…; its history is at /v1/audit/streams/{streamId}. */
  streamId!: string;
  /** The record's version after this command; send it back as If-Match to change the record. */
  streamVersion!: number;
  eventIds!: string[];
  /** The global position of the last event appended, a decimal string. */
  position!: string;
}
