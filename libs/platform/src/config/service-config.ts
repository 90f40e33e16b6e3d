import { DynamicModule, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { checkConfig, ConfigurationInvalid } from './check-config';

/**
 * The service's configuration through @nestjs/config, read by its schema when the service is created (not when its
 * module is imported: the OpenAPI generator imports modules with no environment). No .env file: settings come from
 * the environment the operator or `npm start` gives. `bootstrapService` has checked them before.
 */
export function serviceConfigModule(schema: Type<object>): Promise<DynamicModule> {
  return ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...checkConfig(schema, process.env) })] });
}

/**
 * Checks the environment before anything starts: a wrong setting stops the service with every problem named, on
 * standard error, and exit code 1, instead of a service that listens and then answers 500 to every request.
 */
export function requireValidConfig(serviceName: string, schema: Type<object>, env: Record<string, unknown> = process.env): void {
  try {
    checkConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigurationInvalid)) throw error;
    process.stderr.write(`${serviceName} cannot start: its ${error.message}\n`);
    process.exit(1);
  }
}
