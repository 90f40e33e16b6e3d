/** Another writer appended to the stream first: re-read and decide again, or tell the caller (409/412). */
export class StreamVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}`);
    this.name = 'StreamVersionConflict';
  }
}

/** An event whose id the log already holds: a writer sent the same event twice. Nothing of its append is written. */
export class DuplicateEventId extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already in the log`);
    this.name = 'DuplicateEventId';
  }
}

/** The same Idempotency-Key was sent again with a different request. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}

/** The caller decided on a version of the record (If-Match) that is no longer the current one. */
export class StaleRecordVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${streamId} is at version ${actual}, not ${expected}`);
    this.name = 'StaleRecordVersion';
  }
}

/**
 * An event its published schema does not admit (docs/asyncapi): a defect in the code that decided it, caught
 * before the append, so nothing is written. Never the caller's fault; the command answers 500.
 */
export class EventContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly failures: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(`${eventType} v${schemaVersion} does not match its published schema: ${failures.map((f) => `${f.path || '/'} ${f.message}`).join('; ')}`);
    this.name = 'EventContractViolation';
  }
}
