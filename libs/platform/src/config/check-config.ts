import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { Type } from '@nestjs/common';

/** A service's settings that do not hold: every wrong or missing variable, named, at once. */
export class ConfigurationInvalid extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`configuration is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigurationInvalid';
  }
}

/**
 * The environment read as the service's configuration schema (a class with class-validator rules, one property per
 * variable): every rule broken is reported together, each with the variable's name and the value given, so an
 * operator fixes them in one go rather than one restart at a time.
 */
export function checkConfig<T extends object>(schema: Type<T>, env: Record<string, unknown>): T {
  const config = plainToInstance(schema, env, { enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length) throw new ConfigurationInvalid(errors.map((error) => describe(error, env)));
  return config;
}

function describe(error: ValidationError, env: Record<string, unknown>): string {
  const given = env[error.property];
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${reasons}${given === undefined ? ' (not set)' : ` (given: ${JSON.stringify(given)})`}`;
}
