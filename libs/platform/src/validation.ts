import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { FieldError, InvalidRequest } from './problem-details';
import { rememberValidationRules } from './validation-rules-memory';

/** Path-and-query inputs remembered once validated, per DTO class; a dashboard asks for a few URLs again and again. */
const REMEMBERED_INPUTS = 1_000;

/**
 * Strict DTO validation: unknown properties are refused (not silently dropped), and every wrong field is
 * reported with its JSON Pointer. One message per field: class-validator runs a property's decorators
 * bottom-up, so DTOs put the type check (IsInt, IsString) last to have it reported first.
 */
export function strictValidationPipe(): ValidationPipe {
  rememberValidationRules();
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
  /** Per DTO class, the DTOs built from the path-and-query strings it was given (as JSON). */
  private readonly accepted = new WeakMap<object, LRUCache<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const remembered = this.rememberedFor(value, metadata);
    if (!remembered) return super.transform(value, metadata);
    const key = JSON.stringify(value);
    const known = remembered.get(key);
    if (known) return copyOf(known);
    const validated: unknown = await super.transform(value, metadata);
    if (typeof validated === 'object' && validated !== null) remembered.set(key, copyOf(validated));
    return validated;
  }

  /** Where a path and query of flat strings is remembered for its DTO class; nothing for bodies and other inputs. */
  private rememberedFor(value: unknown, { type, metatype }: ArgumentMetadata): LRUCache<string, object> | undefined {
    if (type === 'body' || typeof metatype !== 'function' || !this.toValidate({ type, metatype })) return undefined;
    if (typeof value !== 'object' || value === null || !Object.values(value).every((v) => typeof v === 'string')) return undefined;
    let remembered = this.accepted.get(metatype);
    if (!remembered) this.accepted.set(metatype, (remembered = new LRUCache({ max: REMEMBERED_INPUTS })));
    return remembered;
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
