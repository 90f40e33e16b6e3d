import { NewEvent } from './event-envelope';

/**
 * What every event must satisfy before it is appended: in production, the published JSON Schema of its type and
 * schema version (PublishedEventContract in @civic/messaging). The store is given one and cannot be made
 * without: an event that fails it throws EventContractViolation and nothing of its append is written.
 */
export interface EventContract {
  check(event: NewEvent): void;
}

/** For tests of the store's own mechanics, which append event types of their own that no contract publishes. */
export const ANY_EVENT: EventContract = { check: () => undefined };
