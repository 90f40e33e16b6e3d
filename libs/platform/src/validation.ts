import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidRequest } from './problem-details';

/**
 * Strict DTO validation: unknown properties are refused (not silently dropped), and every wrong field is
 * reported with its JSON Pointer. One message per field: class-validator runs a property's decorators
 * bottom-up, so DTOs put the type check (IsInt, IsString) last to have it reported first.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validateCustomDecorators: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequest(flatten(errors)),
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: pointer, message }));
    return [...own, ...flatten(error.children ?? [], pointer)];
  });
}
