import { Decider, DomainRuleViolation } from '@civic/domain';

/**
 * given(events).when(command).then(events) / .thenRefuses(code): a decider test reads like the rule it checks.
 * It asserts the whole list of events decided, never internal state.
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const decide = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly Event[]) {
              expect(decide()).toEqual(expected);
            },
            /** Asserts the refusal's code (and field) and answers the refusal, for assertions on its words and legal basis. */
            thenRefuses(code: string, field?: string): DomainRuleViolation {
              let refusal: unknown;
              try {
                decide();
              } catch (error) {
                refusal = error;
              }
              expect(refusal).toBeInstanceOf(DomainRuleViolation);
              expect((refusal as DomainRuleViolation).code).toBe(code);
              if (field !== undefined) expect((refusal as DomainRuleViolation).details.field).toBe(field);
              return refusal as DomainRuleViolation;
            },
          };
        },
      };
    },
  };
}
