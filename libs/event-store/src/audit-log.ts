/** What an auditor asks of the log: a unit (and what lay below it), a type, who, which request, when. */
export interface AuditFilter {
  readonly unitCode?: string;
  /** With unitCode: also every unit that lay below it on the date of each event (a district's wards until 2025-06-30). */
  readonly includeDescendants?: boolean;
  readonly eventType?: string;
  /** The subject of the actor who recorded the event. */
  readonly actor?: string;
  readonly correlationId?: string;
  /** Civic dates of the facts, inclusive. */
  readonly occurredFrom?: string;
  readonly occurredTo?: string;
  /** When the events were recorded (ISO timestamps), inclusive. */
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
  /** The global position after which to continue. */
  readonly afterPosition?: string;
  readonly limit: number;
}

/**
 * The event log as auditors read it: the system of record, never a read model. Answers are JSON as the API sends
 * them, so that the Postgres reader can hand over each payload's text as the database wrote it. Implemented by
 * AuditLogReader (Postgres) and InMemoryEventLog, held to one suite (auditLogContract in libs/testing).
 */
export interface AuditLog {
  /** One page, `{ items: RecordedEvent[], nextAfter: string | null }`, in log order; nextAfter continues it. */
  pageJson(filter: AuditFilter): Promise<string>;
  /**
   * How many events the log holds for the filter's unit within its civic dates, or null when the filter is not of
   * one unit alone: while it stays the same, no page of such a filter can change.
   */
  unitEventCount(filter: AuditFilter): Promise<string | null>;
  /** Every version of one record, oldest first: `{ streamId, versions }`, or null when no record has that id. */
  streamJson(streamId: string): Promise<string | null>;
}
