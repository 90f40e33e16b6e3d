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

/** Answered by /health of every service. */
export class HealthResponse {
  /** "ok" when the service reaches its database. */
  status!: string;
  service?: string;
}

/** Answered by /health/live: the process answers. */
export class LivenessResponse {
  status!: string;
  service?: string;
}

/** Answered by /health/ready when the service can work: every check up, with its numbers. */
export class ReadinessResponse {
  /** "ok". */
  status!: string;
  /** Each check (database, and the service's own work) with its numbers. */
  info!: Record<string, unknown>;
  details!: Record<string, unknown>;
}
