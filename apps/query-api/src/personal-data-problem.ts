import { HttpStatus, Logger } from '@nestjs/common';
import { PersonalDataUnavailable } from '@civic/event-store';
import { ProblemDetails, problemType } from '@civic/platform';
import { PersonalDataErasedKey } from './personal-data/personal-data-reads';

/** A read that shows names when their keys cannot be had: 503, and no name, sealed or not, in the answer. */
export function personalDataProblem(error: unknown, logger: Logger): ProblemDetails | undefined {
  if (error instanceof PersonalDataErasedKey) {
    return { type: problemType(error.code), title: 'The person’s data was erased', status: HttpStatus.GONE, detail: error.message, code: error.code, erasedAt: error.erasedAt, erasureId: error.erasureId };
  }
  if (!(error instanceof PersonalDataUnavailable)) return undefined;
  logger.warn(error.message);
  return {
    type: problemType(error.code),
    title: 'Personal data cannot be read now',
    status: HttpStatus.SERVICE_UNAVAILABLE,
    detail: 'This answer names people, and the keys that protect their names cannot be reached now. Try again shortly.',
    code: error.code,
  };
}
