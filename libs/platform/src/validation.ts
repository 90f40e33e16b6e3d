import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidRequest } from './problem-details';

/**
 * Strict DTO validation: unknown properties are refused (not silently dropped), every failing constraint is
 * reported with the JSON Pointer of its field.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
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
