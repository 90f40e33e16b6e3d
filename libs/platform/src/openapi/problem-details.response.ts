import { FieldError, ProblemDetails } from '../problem-details';

export class FieldErrorResponse implements FieldError {
  /** A JSON Pointer into the request body (`/attendeeCount/value`) or to a parameter (`/year`). */
  field!: string;
  message!: string;
}

/** RFC 9457 Problem Details, served as application/problem+json by every endpoint that refuses a request. */
export class ProblemDetailsResponse implements ProblemDetails {
  /** A URN naming the kind of problem, e.g. urn:civic-records:problem:meeting-held-in-future. */
  type!: string;
  title!: string;
  status!: number;
  detail?: string;
  instance?: string;
  /** The stable code clients branch on, e.g. MEETING.HELD_IN_FUTURE. */
  code?: string;
  /** Every field that was wrong. */
  errors?: FieldErrorResponse[];
  /** The law or decision the refused rule comes from, in the words an official would cite. */
  legalBasis?: string;
  /** The record a refused command conflicts with: the first grant of an achievement commended twice. */
  firstGrant?: string;
}
