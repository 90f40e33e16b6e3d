import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { AppendResultResponse } from './append-result.response';
import { ApiProblems } from '@civic/platform';

export interface CommandDocumentation {
  /** Whether the command changes a record that exists (404 when it does not). */
  readonly onExistingRecord: boolean;
  /** Whether If-Match must be sent (428 without it), may be sent, or is not read. */
  readonly ifMatch: 'required' | 'optional' | 'none';
}

const TOKEN = { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' };

/** The request headers, answers and problems every command endpoint shares. */
export function ApiCommand({ onExistingRecord, ifMatch }: CommandDocumentation): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retry safe: the same key and request answer the first response and record nothing more; the same key with another request is refused (422).', schema: TOKEN }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Ties the recorded events to the caller\'s request; generated when absent.', schema: TOKEN }),
    ...(ifMatch === 'none'
      ? []
      : [ApiHeader({ name: 'If-Match', required: ifMatch === 'required', description: 'The ETag of the version the change was decided on, such as "1".', schema: { type: 'string' } })]),
    ApiCreatedResponse({
      type: AppendResultResponse,
      description: 'Recorded as an immutable event.',
      headers: {
        ETag: { description: 'The record\'s new version, for If-Match.', schema: { type: 'string' } },
        Location: { description: 'Where the record lives.', schema: { type: 'string' } },
      },
    }),
    ApiProblems(400, 409, 413, 415, 422, ...(onExistingRecord ? [404] : []), ...(ifMatch === 'none' ? [] : [412]), ...(ifMatch === 'required' ? [428] : [])),
  );
}
