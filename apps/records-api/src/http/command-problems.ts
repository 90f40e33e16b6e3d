import { HttpStatus, Logger } from '@nestjs/common';
import { EventContractViolation, IdempotencyKeyReused, PersonalDataUnavailable, StaleRecordVersion, StreamVersionConflict } from '@civic/event-store';
import { ProblemDetails, problemType } from '@civic/platform';
import { AchievementAlreadyAwarded } from '@civic/domain';

/** The problems of recording a command: a record changed meanwhile, a stale If-Match, a reused key, our own contract defect. */
export function commandProblem(error: unknown, logger: Logger): ProblemDetails | undefined {
  if (error instanceof PersonalDataUnavailable) {
    // Names are sealed before they are stored: without the keys nothing that names a person can be recorded.
    logger.warn(error.message);
    return {
      type: problemType(error.code),
      title: 'Personal data cannot be recorded now',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The keys that protect the names in this record cannot be reached now. Nothing was recorded; try again shortly.',
      code: error.code,
    };
  }
  if (error instanceof AchievementAlreadyAwarded) {
    // A conflict with a record already made, not a malformed command: 409, pointing at the first grant.
    return {
      type: problemType(error.code),
      title: 'This achievement was already commended',
      status: HttpStatus.CONFLICT,
      detail: error.rule,
      code: error.code,
      errors: [{ field: `/${error.details.field}`, message: error.rule }],
      legalBasis: error.details.legalBasis,
      firstGrant: `/v1/commendations/${error.firstGrant}`,
    };
  }
  if (error instanceof StreamVersionConflict) {
    return {
      type: problemType('RECORD.CHANGED_CONCURRENTLY'),
      title: 'The record was changed by someone else',
      status: HttpStatus.CONFLICT,
      detail: 'Another change to this record was saved first. Read it again and retry.',
      code: 'RECORD.CHANGED_CONCURRENTLY',
    };
  }
  if (error instanceof StaleRecordVersion) {
    return {
      type: problemType('RECORD.VERSION_STALE'),
      title: 'The record has changed since you read it',
      status: HttpStatus.PRECONDITION_FAILED,
      detail: `If-Match named version ${error.expected}, but the record is at version ${error.actual}. Read it again before correcting it.`,
      code: 'RECORD.VERSION_STALE',
      errors: [{ field: 'If-Match', message: `the current version is ${error.actual}` }],
    };
  }
  if (error instanceof IdempotencyKeyReused) {
    return {
      type: problemType('IDEMPOTENCY_KEY.REUSED'),
      title: 'The Idempotency-Key was already used for a different request',
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail: 'Send a new Idempotency-Key for a new request; reuse a key only to retry the very same request.',
      code: 'IDEMPOTENCY_KEY.REUSED',
      errors: [{ field: 'Idempotency-Key', message: 'already used with a different body' }],
    };
  }
  if (error instanceof EventContractViolation) {
    // Our defect, not the caller's: the log names the event type and every failing path; the answer does not.
    logger.error(`event contract violated, nothing appended: ${error.message}`);
    return {
      type: problemType('EVENT.CONTRACT_VIOLATION'),
      title: 'The record could not be stored',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The event this request produced does not match the published event contract, which is a defect on our side. Nothing was recorded; it has been logged for the operators.',
      code: 'EVENT.CONTRACT_VIOLATION',
    };
  }
  return undefined;
}
