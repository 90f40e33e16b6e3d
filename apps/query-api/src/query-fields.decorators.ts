import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { COMMUNE_CODE_PATTERN } from '@civic/domain';

// The fields every read takes, validated alike wherever they appear.

/** A year such as 2021. Listed in the order stacked decorators take effect (bottom first): a word is told it is not a year. */
export const IsYear = (): PropertyDecorator =>
  applyDecorators(IsInt({ message: '$property must be a year such as 2021' }), Max(2100), Min(1945), Type(() => Number));

/** The official code of a ward or commune. */
export const IsWardCode = (): PropertyDecorator => Matches(COMMUNE_CODE_PATTERN, { message: '$property must be the 5-digit official code of a ward or commune' });

/** The official code of a district. */
export const IsDistrictCode = (): PropertyDecorator => Matches(/^\d{3}$/, { message: '$property must be the 3-digit official code of a district' });

/** The official code of a province or centrally-run city. */
export const IsCityCode = (): PropertyDecorator => Matches(/^\d{2}$/, { message: '$property must be the 2-digit official code of a province or centrally-run city' });
