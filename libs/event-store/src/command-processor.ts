import { Decider } from '@civic/domain';
import { EventMetadata, NewEvent, RecordedEvent } from './event-envelope';
import { AppendResult, EventLog, IdempotencyClaim } from './event-log';
import { StaleRecordVersion, StreamVersionConflict } from './event-store.errors';

/** Times a command without If-Match is decided when other changes keep landing first; then the caller hears of it (409). */
const DECISIONS = 5;

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

interface CommandRun<Command, Event extends DomainEventShape, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly stream: StreamDefinition<Event>;
  readonly streamId: string;
  readonly command: Command;
  readonly context: CommandContext;
}

export interface HandleOptions {
  /**
   * The command usually starts its stream (a new record under an id the client chose): it is decided on an
   * empty history without reading the stream first, which saves a round trip on the commonest command.
   */
  readonly usuallyNew?: boolean;
}

/**
 * Runs one command against one stream: replay, decide, append in a single transaction with the idempotency
 * record. A retried command (same key, same request) returns the first answer without appending anything.
 */
export class CommandProcessor {
  constructor(private readonly store: EventLog) {}

  async handle<Command, Event extends DomainEventShape, State>(
    decider: Decider<Command, Event, State>,
    stream: StreamDefinition<Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
    { usuallyNew = false }: HandleOptions = {},
  ): Promise<AppendResult> {
    if (usuallyNew && context.expectedVersion === undefined) {
      // Decided on an empty history without reading it: the append's version check (expected 0) is what
      // proves the stream new, and its idempotency key is claimed by the same statement, which answers a key
      // already taken with the first answer. Any refusal is decided again below on the real history, after
      // looking for a first answer, so a retry and an existing record get the answers they would have had.
      try {
        return await this.decideAndAppend({ decider, stream, streamId, command, context }, 0, decider.initialState());
      } catch {
        // decided again below
      }
    }
    if (context.idempotency) {
      const first = await this.store.findIdempotentResult(context.idempotency);
      if (first) return first;
    }
    const fold = (events: readonly RecordedEvent[], record: { state: State; version: number }) => ({
      state: events.map(stream.fromRecorded).reduce(decider.evolve, record.state),
      version: events.at(-1)?.streamVersion ?? record.version,
    });
    let record = fold(await this.store.readStream(streamId), { state: decider.initialState(), version: 0 });
    if (context.expectedVersion !== undefined && context.expectedVersion !== record.version) {
      throw new StaleRecordVersion(streamId, context.expectedVersion, record.version);
    }
    for (let decision = 1; ; decision += 1) {
      try {
        return await this.decideAndAppend({ decider, stream, streamId, command, context }, record.version, record.state);
      } catch (error) {
        // A caller who named no version (no If-Match) asked for the command on the record as it is: when another
        // change landed first, the command is decided again on the record with that change, by the same rules.
        if (!(error instanceof StreamVersionConflict) || context.expectedVersion !== undefined || decision >= DECISIONS) throw error;
        record = fold(await this.store.readStream(streamId, { afterVersion: record.version }), record);
      }
    }
  }

  private decideAndAppend<Command, Event extends DomainEventShape, State>(
    { decider, stream, streamId, command, context }: CommandRun<Command, Event, State>,
    currentVersion: number,
    state: State,
  ): Promise<AppendResult> {
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
