import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';
import { isCivicDate } from '@civic/domain';

/** Text as officials type it, stored as Unicode NFC with outer spaces removed, within a length limit. */
export function NfcText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value)),
    IsString(),
    Length(1, maxLength),
    ApiProperty({ type: String, minLength: 1, maxLength }),
  );
}

/** One of a fixed vocabulary; the OpenAPI document lists the values. */
export function OneOf(values: readonly string[], validationOptions?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsIn([...values], validationOptions), ApiProperty({ enum: [...values] }));
}

/** A calendar date written YYYY-MM-DD that exists (no 2021-02-29). */
export function IsCivicDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    ApiProperty({ type: String, format: 'date' })(target, propertyName);
    registerDecorator({
      name: 'isCivicDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCivicDate(value) },
    });
  };
}

/** A list of texts, each stored as NFC within a length limit. */
export function NfcTextList(maxLength: number, maxItems: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.normalize('NFC').trim() : item)) : value)),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );
}

/** On one property of a DTO: exactly one of the named properties must be present. */
export function ExactlyOneOf(properties: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `give exactly one of ${properties.join(', ')}`, ...options },
      validator: {
        validate: (_: unknown, args) => properties.filter((p) => (args?.object as Record<string, unknown>)[p] !== undefined).length === 1,
      },
    });
}

/**
 * A field that belongs to one case of a command ("commendationId" to a GRANTED answer only, a count's qualifier to
 * a count): present in another case, it is refused rather than silently dropped. `value` left out: the case is
 * "`property` is given". Pair it with a ValidateIf that checks the field when given.
 */
export function OnlyWhen(property: string, value?: string, options?: ValidationOptions): PropertyDecorator {
  const holds = (object: Record<string, unknown>) => (value === undefined ? object[property] !== undefined : object[property] === value);
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'onlyWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: value === undefined ? `$property is given only with ${property}` : `$property is given only when ${property} is ${value}`, ...options },
      validator: { validate: (_: unknown, args) => holds(args?.object as Record<string, unknown>) },
    });
}
