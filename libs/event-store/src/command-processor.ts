import { Decider } from '@civic/domain';
import { EventMetadata, NewEvent, RecordedEvent } from './event-envelope';
import { AppendResult, IdempotencyClaim, PostgresEventStore } from './postgres-event-store';
import { StaleRecordVersion } from './event-store.errors';

export interface DomainEventShape {
  readonly type: string;
  readonly data: object;
}

/** How one aggregate's events sit in the log. */
export interface StreamDefinition<Event extends DomainEventShape> {
  readonly streamType: string;
  readonly schemaVersionOf: (type: Event['type']) => number;
  /** The civic date and unit a fact belongs to: columns the audit filters on. */
  readonly placeOf: (event: Event) => { occurredOn: string; unitCode: string };
  /** Turns a stored event (any schema version) back into the current domain shape. */
  readonly fromRecorded: (event: RecordedEvent) => Event;
}

export interface CommandContext {
  readonly metadata: EventMetadata;
  /** The version the caller last saw (If-Match); the command is refused if the record has moved on. */
  readonly expectedVersion?: number;
  readonly idempotency?: IdempotencyClaim;
  readonly newEventId: () => string;
}

/**
 * Runs one command against one stream: replay, decide, append in a single transaction with the idempotency
 * record. A retried command (same key, same request) returns the first answer before anything is decided.
 */
export class CommandProcessor {
  constructor(private readonly store: PostgresEventStore) {}

  async handle<Command, Event extends DomainEventShape, State>(
    decider: Decider<Command, Event, State>,
    stream: StreamDefinition<Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
  ): Promise<AppendResult> {
    if (context.idempotency) {
      const first = await this.store.findIdempotentResult(context.idempotency);
      if (first) return first;
    }
    const history = await this.store.readStream(streamId);
    const currentVersion = history.length ? history[history.length - 1].streamVersion : 0;
    if (context.expectedVersion !== undefined && context.expectedVersion !== currentVersion) {
      throw new StaleRecordVersion(streamId, context.expectedVersion, currentVersion);
    }
    const state = history.map(stream.fromRecorded).reduce(decider.evolve, decider.initialState());
    const decided = decider.decide(command, state);
    const events: NewEvent[] = decided.map((event) => ({
      eventId: context.newEventId(),
      type: event.type,
      schemaVersion: stream.schemaVersionOf(event.type),
      data: event.data as Record<string, unknown>,
      metadata: context.metadata,
      ...stream.placeOf(event),
    }));
    return this.store.append({
      streamId,
      streamType: stream.streamType,
      expectedVersion: currentVersion,
      events,
      idempotency: context.idempotency,
    });
  }
}
