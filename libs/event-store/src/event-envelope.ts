/** Who recorded an event, from which command and request. Filled from the authenticated caller, never the body. */
export interface EventMetadata {
  readonly actor: { readonly subject: string; readonly roles: readonly string[] };
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId: string;
  /** The W3C trace context of the request that recorded the event, when it was traced or the caller sent one. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** An event about to be appended. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
  /** The civic date the fact happened on (YYYY-MM-DD, Việt Nam). */
  readonly occurredOn: string;
  /** The official code of the unit the fact belongs to. */
  readonly unitCode: string;
}

/**
 * One envelope for storage and Kafka. `position` is the global position (a bigint, as a decimal string);
 * `transactionId` is the writer's xid8, which fixes commit order for readers of the whole log.
 */
export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  readonly streamType: string;
  readonly streamVersion: number;
  readonly position: string;
  readonly transactionId: string;
  readonly recordedAt: string;
}
