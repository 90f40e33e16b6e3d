import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { FieldError, InvalidRequest } from './problem-details';

/** Path-and-query inputs remembered once validated, per pipe; a dashboard asks for a few URLs again and again. */
const REMEMBERED_INPUTS = 10_000;

/**
 * Strict DTO validation: unknown properties are refused (not silently dropped), and every wrong field is
 * reported with its JSON Pointer. One message per field: class-validator runs a property's decorators
 * bottom-up, so DTOs put the type check (IsInt, IsString) last to have it reported first.
 */
export function strictValidationPipe(): ValidationPipe {
  return new RememberingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validateCustomDecorators: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequest(flatten(errors)),
  });
}

/**
 * Validates a path and query it has already accepted from memory. The DTOs' rules are pure functions of the
 * input (no clock, no database), so the same strings give the same DTO; transforming and validating them again
 * was a ninth of query-api's CPU under 50 readers (docs/adr/0025-request-pipeline-costs.md). Bodies, and inputs
 * that are not flat strings, are validated every time; refusals are not remembered.
 */
class RememberingValidationPipe extends ValidationPipe {
  private readonly accepted = new LRUCache<string, object>({ max: REMEMBERED_INPUTS });
  private readonly typeIds = new WeakMap<object, number>();
  private lastTypeId = 0;

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = this.keyOf(value, metadata);
    if (key === undefined) return super.transform(value, metadata);
    const known = this.accepted.get(key);
    if (known) return copyOf(known);
    const validated: unknown = await super.transform(value, metadata);
    if (typeof validated !== 'object' || validated === null) return validated;
    this.accepted.set(key, copyOf(validated));
    return validated;
  }

  private keyOf(value: unknown, { type, metatype }: ArgumentMetadata): string | undefined {
    if (type === 'body' || typeof metatype !== 'function' || !this.toValidate({ type, metatype })) return undefined;
    if (typeof value !== 'object' || value === null || !Object.values(value).every((v) => typeof v === 'string')) return undefined;
    let id = this.typeIds.get(metatype);
    if (id === undefined) this.typeIds.set(metatype, (id = ++this.lastTypeId));
    return `${id}:${type}:${JSON.stringify(value)}`;
  }
}

/** A shallow copy with the same class: a handler may change what it was given without changing what is remembered. */
function copyOf<T extends object>(entity: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(entity) as object | null) as T, entity);
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: pointer, message }));
    return [...own, ...flatten(error.children ?? [], pointer)];
  });
}
