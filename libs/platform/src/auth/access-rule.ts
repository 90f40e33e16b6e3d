import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '../openapi/openapi';
import type { HttpRequest } from '../http';

/** Reads one value of a request (a path parameter, a query or body field) for an access decision. */
export type RequestValue = (request: HttpRequest) => unknown;

/** A unit a command names besides its own (a convening body's, a proposer's), with the body field it is in. */
export interface NamedUnit {
  readonly field: string;
  readonly unit: unknown;
}
export type NamedUnits = (request: HttpRequest) => readonly NamedUnit[];

export const ACCESS_RULE = 'civic:access-rule';

/**
 * What an endpoint concerns, declared next to it; whether a caller may do it is decided in one place
 * (`AccessPolicy`). An endpoint without a rule is refused to everyone.
 */
export type AccessRule =
  /** Health and API documents. */
  | { readonly kind: 'public' }
  /** The unit registry: reference data for every authenticated caller. */
  | { readonly kind: 'reference' }
  /** The event log and its verification: auditors and administrators. */
  | { readonly kind: 'audit' }
  /** Erasing a person's data from the records (Decree 13/2023/NĐ-CP): administrators only, whatever the unit. */
  | { readonly kind: 'erasure' }
  /** A data key that opens sealed names on Kafka: consumers authorised to read names, and administrators. */
  | { readonly kind: 'personal-data-key' }
  /**
   * A summary or list of a unit (in a year when `year` is given); `unit` may be absent on lists, which then span every
   * unit. A read of one record names its `stream` instead: the unit it was recorded under decides.
   */
  | { readonly kind: 'read'; readonly unit: RequestValue; readonly year?: RequestValue; readonly stream?: undefined }
  | { readonly kind: 'read'; readonly stream: RequestValue; readonly unit?: undefined; readonly year?: undefined }
  /**
   * Recording a fact of a unit on a date; `stream` names an existing record the command changes (its unit stands
   * in when `unit` is left out, and its date alone decides when `date` is: a withdrawal names neither). Every other unit the command names must be in the caller's jurisdiction on the
   * fact's date too: those of `names` always, those of `joinedBy` unless the unit lies above the fact's own unit
   * (a body of a higher level taking part, as a district HĐND meeting voters with a ward's Front).
   */
  | {
      readonly kind: 'record';
      readonly unit?: RequestValue;
      readonly date?: RequestValue;
      readonly stream?: RequestValue;
      readonly names?: NamedUnits;
      readonly joinedBy?: NamedUnits;
    };

export const Access = (rule: AccessRule): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ACCESS_RULE, rule), ...(rule.kind === 'public' ? [] : [ApiBearerAuth(), ApiProblems(401, 403, 429)]));
export const Public = () => Access({ kind: 'public' });

const at = (source: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source);

export const fromBody = (path: string): RequestValue => (request) => at(request.body, path);
export const fromParam = (name: string): RequestValue => (request) => at(request.params, name);
export const fromQuery = (name: string): RequestValue => (request) => at(request.query, name);
/**
 * The unit codes in body fields that hold a body of a unit, `{ body, unitCode }`, or a list of them:
 * `unitsInBody('convenedBy')`, `unitsInBody('meeting.convenedBy')`. Malformed values are left to validation.
 */
export const unitsInBody =
  (...paths: string[]): NamedUnits =>
  (request) =>
    paths.flatMap((path) => {
      const value = at(request.body, path);
      const pointer = `/${path.replace(/\./g, '/')}`;
      const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [`${pointer}/${index}`, item]) : value === undefined ? [] : [[pointer, value]];
      return entries.map(([field, item]) => ({ field: `${field}/unitCode`, unit: at(item, 'unitCode') }));
    });

/** The stream of an existing record, from the id in the path: `streamOf('meeting-', 'id')`. */
export const streamOf = (prefix: string, parameter: string): RequestValue => (request) => {
  const id = at(request.params, parameter);
  return typeof id === 'string' ? `${prefix}${id}` : undefined;
};
