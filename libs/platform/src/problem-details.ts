/** RFC 9457 Problem Details, the one error shape of every HTTP endpoint. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** The stable code clients branch on, e.g. MEETING.HELD_IN_FUTURE. */
  readonly code?: string;
  /** Every field that was wrong, as a JSON Pointer into the request body or a parameter name. */
  readonly errors?: readonly FieldError[];
  readonly legalBasis?: string;
  /** The record a refused command conflicts with (the first grant of an achievement commended twice). */
  readonly firstGrant?: string;
  /** A data key asked for after its person's data was erased (410): when, and by which erasure. */
  readonly erasedAt?: string;
  readonly erasureId?: string;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs: stable names that do not pretend to be resolvable web pages. */
export function problemType(code: string): string {
  return `urn:civic-records:problem:${code.toLowerCase().replace(/[._]/g, '-')}`;
}

/** Raised at the edge for bad input; the filter turns it into a 400 naming each field. */
export class InvalidRequest extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'InvalidRequest';
  }
}

/** A request refused for now, to protect the service (429) or because it cannot be served in time (503). */
export class RetryLater extends Error {
  constructor(
    readonly status: 429 | 503,
    readonly code: string,
    readonly detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
    this.name = 'RetryLater';
  }
}

/** A body that says it is JSON and is not (400). */
export class MalformedJson extends Error {
  constructor() {
    super('The request body could not be read as JSON');
    this.name = 'MalformedJson';
  }
}

/** A change to an existing record arrived without If-Match (RFC 6585: 428). */
export class PreconditionRequired extends Error {
  constructor() {
    super('If-Match is required');
    this.name = 'PreconditionRequired';
  }
}

/** A body that is not JSON (415). */
export class UnsupportedMediaType extends Error {
  constructor() {
    super('The request body must be JSON');
    this.name = 'UnsupportedMediaType';
  }
}
