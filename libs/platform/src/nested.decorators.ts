import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A DTO class, as class-transformer's @Type takes it. */
type DtoClass = Function;

export interface NestedOptions {
  /** Left out (or null) when the request has nothing to say; required otherwise. */
  readonly optional?: boolean;
}

export interface NestedListOptions extends NestedOptions {
  readonly minItems?: number;
  readonly maxItems: number;
}

/**
 * One nested object validated by its DTO class. It must be an object: `@ValidateNested()` alone walks into an
 * array given in its place and lets it through (a list of chairs sent for one chair was stored as `{}`), and
 * skips a missing value, so a required nested object is also checked to be present. Rules run in the order
 * they are listed here, and the pipe stops at a property's first error: the shape is reported before its content.
 */
export function NestedObject(type: () => DtoClass, { optional = false }: NestedOptions = {}): PropertyDecorator {
  return applyDecorators(
    optional ? IsOptional() : IsDefined({ message: '$property is required' }),
    IsObject({ message: '$property must be one object {…}, not a list or a single value' }),
    ValidateNested(),
    Type(type),
    // Swagger takes a lazy type only from a function named `type`, which the property below is.
    ApiProperty({ type: () => type(), required: !optional }),
  );
}

/** A list of nested objects, each an object (not a list, not a single value) validated by its DTO class. */
export function NestedList(type: () => DtoClass, { optional = false, minItems = optional ? 0 : 1, maxItems }: NestedListOptions): PropertyDecorator {
  return applyDecorators(
    optional ? IsOptional() : IsDefined({ message: '$property is required' }),
    IsArray({ message: '$property must be a list […]' }),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    IsObject({ each: true, message: 'each item of $property must be one object {…}' }),
    ValidateNested({ each: true }),
    Type(type),
    ApiProperty({ type: () => type(), isArray: true, required: !optional, minItems, maxItems }),
  );
}
