/**
 * A decider is an aggregate as three pure functions: `decide` turns a command into events (or throws a
 * DomainRuleViolation), `evolve` folds an event into state. Time, ids and look-ups arrive with the command.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

export function foldEvents<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Makes a `switch` over a union fail to compile when a member is left out. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
