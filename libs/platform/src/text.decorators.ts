import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';
import { isCivicDate } from '@civic/domain';

/** Text as officials type it, stored as Unicode NFC with outer spaces removed, within a length limit. */
export function NfcText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value)),
    IsString(),
    Length(1, maxLength),
  );
}

/** A calendar date written YYYY-MM-DD that exists (no 2021-02-29). */
export function IsCivicDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCivicDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCivicDate(value) },
    });
}
