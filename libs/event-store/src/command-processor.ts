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

function toNewEvents<Event extends DomainEventShape>(stream: StreamDefinition<Event>, events: readonly Event[], context: CommandContext): NewEvent[] {
  return events.map((event) => ({
    eventId: context.newEventId(),
    type: event.type,
    schemaVersion: stream.schemaVersionOf(event.type),
    data: event.data as Record<string, unknown>,
    metadata: context.metadata,
    ...stream.placeOf(event),
  }));
}

interface CommandRun<Command, Event extends DomainEventShape, State> {
  readonly alongside?: HandleOptions['alongside'];
  readonly decider: Decider<Command, Event, State>;
  readonly stream: StreamDefinition<Event>;
  readonly streamId: string;
  readonly command: Command;
  readonly context: CommandContext;
}

/** Events of another stream to append with the command's, all or none (a grant's reservations). */
export interface AlongsideAppend {
  readonly streamId: string;
  readonly streamType: string;
  readonly expectedVersion: number;
  /** The events as `stream.placeOf` and `schemaVersionOf` place them; ids and metadata come from the command. */
  readonly events: readonly Omit<NewEvent, 'eventId' | 'metadata'>[];
}

/** Another stream's events, placed by its definition, to go with a command's. */
export function alongsideAppend<Event extends DomainEventShape>(stream: StreamDefinition<Event>, streamId: string, expectedVersion: number, events: readonly Event[]): AlongsideAppend {
  return {
    streamId,
    streamType: stream.streamType,
    expectedVersion,
    events: events.map((event) => ({ type: event.type, schemaVersion: stream.schemaVersionOf(event.type), data: event.data as Record<string, unknown>, ...stream.placeOf(event) })),
  };
}

export interface HandleOptions {
  /**
   * Other streams' events that go with the command's, read again for each decision (another writer may have
   * taken them meanwhile); it may refuse the command. The command's events and these are appended together.
   */
  readonly alongside?: () => Promise<readonly AlongsideAppend[]>;
  /**
   * The command usually starts its stream (a new record under an id the client chose): it is decided on an
   * empty history without reading the stream first, which saves a round trip on the commonest command.
   */
  readonly usuallyNew?: boolean;
}

/** What becomes of events between deciding and appending: their personal fields sealed (PersonalDataSealer). */
export interface BeforeAppend {
  seal<Event extends Pick<NewEvent, 'type' | 'data'>>(events: readonly Event[]): Promise<Event[]>;
}

const AS_DECIDED: BeforeAppend = { seal: async (events) => [...events] };

/**
 * Runs one command against one stream: replay, decide, append in a single transaction with the idempotency
 * record. A retried command (same key, same request) returns the first answer without appending anything.
 */
export class CommandProcessor {
  constructor(
    private readonly store: EventLog,
    /** Told of the events of every append a command made (not of a retry answered with its first answer). */
    private readonly appended: (events: readonly Pick<NewEvent, 'type'>[], streamType: string) => void = () => undefined,
    /** Seals the personal data of what is appended (docs/adr/0059); deciders count people, never read their names. */
    private readonly beforeAppend: BeforeAppend = AS_DECIDED,
  ) {}

  async handle<Command, Event extends DomainEventShape, State>(
    decider: Decider<Command, Event, State>,
    stream: StreamDefinition<Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
    { usuallyNew = false, alongside }: HandleOptions = {},
  ): Promise<AppendResult> {
    const run = { decider, stream, streamId, command, context, alongside };
    if (usuallyNew && context.expectedVersion === undefined) {
      // Decided on an empty history without reading it: the append's version check (expected 0) is what
      // proves the stream new, and its idempotency key is claimed by the same statement, which answers a key
      // already taken with the first answer. Any refusal is decided again below on the real history, after
      // looking for a first answer, so a retry and an existing record get the answers they would have had.
      try {
        return await this.decideAndAppend(run, 0, decider.initialState());
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
        return await this.decideAndAppend(run, record.version, record.state);
      } catch (error) {
        // A concurrent retry of the same request claimed its key with another stream's events first.
        const first = alongside && context.idempotency && !(error instanceof StreamVersionConflict) ? await this.store.findIdempotentResult(context.idempotency) : undefined;
        if (first) return first;
        // A caller who named no version (no If-Match) asked for the command on the record as it is: when another
        // change landed first, the command is decided again on the record with that change, by the same rules.
        if (!(error instanceof StreamVersionConflict) || context.expectedVersion !== undefined || decision >= DECISIONS) throw error;
        record = fold(await this.store.readStream(streamId, { afterVersion: record.version }), record);
      }
    }
  }

  private async decideAndAppend<Command, Event extends DomainEventShape, State>(
    { decider, stream, streamId, command, context, alongside }: CommandRun<Command, Event, State>,
    currentVersion: number,
    state: State,
  ): Promise<AppendResult> {
    const decided = decider.decide(command, state);
    const events = await this.beforeAppend.seal(toNewEvents(stream, decided, context));
    const request = { streamId, streamType: stream.streamType, expectedVersion: currentVersion, events, idempotency: context.idempotency };
    if (!alongside) {
      const result = await this.store.append(request);
      // A concurrent retry of the same request may have appended first: its answer, with its events, is returned.
      if (result.eventIds[0] === request.events[0]?.eventId) this.appended(request.events, stream.streamType);
      return result;
    }
    const others = await Promise.all(
      (await alongside()).map(async (other) => ({
        ...other,
        events: await this.beforeAppend.seal(other.events.map((event) => ({ ...event, eventId: context.newEventId(), metadata: context.metadata }))),
      })),
    );
    const recorded = (await this.store.appendMany([request, ...others])).filter((event) => event.streamId === streamId);
    for (const { events, streamType } of [request, ...others]) this.appended(events, streamType);
    const last = recorded[recorded.length - 1];
    return { streamId, streamVersion: last.streamVersion, eventIds: recorded.map((event) => event.eventId), position: last.position };
  }
}
