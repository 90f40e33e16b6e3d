import { accessSync, constants, readFileSync } from 'node:fs';
import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsPort, IsPositive, IsString, Matches, Max, Min, ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';
import { allowedOrigins } from '../cross-origin';
import { LOG_FORMATS, LOG_LEVELS } from '../logging/service-logger';
import { TRACES_EXPORTERS } from '../tracing/tracing';

// The variables every service reads, as configuration schemas (docs: the README's configuration table). Each
// service's own schema extends one of these with its variables.

/** A whole number of at least `minimum` (registered in the order checked: a word is told it is not a number). */
export const WholeNumber = (minimum: number, maximum = Number.MAX_SAFE_INTEGER): PropertyDecorator =>
  applyDecorators(IsInt({ message: 'must be a whole number' }), Min(minimum, { message: `must be at least ${minimum}` }), Max(maximum, { message: `must be at most ${maximum}` }), Type(() => Number));

/** A master key's shape (the event store reads it: masterKeyOf); checked here so a bad one stops the service at start. */
function thirtyTwoBytes(base64: string): void {
  if (Buffer.from(base64.trim(), 'base64').length !== 32) throw new Error('not 32 bytes');
}

/** A value `check` accepts without throwing; the message is the one it throws. */
export function Accepted(check: (value: string) => unknown, options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'accepted',
      target: target.constructor,
      propertyName: property as string,
      options,
      validator: {
        validate: (value: unknown) => {
          try {
            check(String(value));
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => {
          try {
            check(String(args?.value));
            return 'is not valid';
          } catch (error) {
            return (error as Error).message;
          }
        },
      },
    });
}

/** The SASL mechanisms kafkajs offers with a username and password (Strimzi's scram-sha-512 among them). */
const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'];

/** A number no greater than another variable's (`fallback` when that one is not given). */
function NotAbove(other: string, fallback: number): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'notAbove',
      target: target.constructor,
      propertyName: property as string,
      validator: {
        validate: (value: unknown, args) => Number(value) <= Number((args?.object as Record<string, unknown>)[other] ?? fallback),
        defaultMessage: () => `must not exceed ${other}`,
      },
    });
}

/** Every service: where it listens, its database, when it calls itself stalled. */
export class ServiceEnvironment {
  /** Default: the service's own (3000 records-api, 3001 query-api, 3002 event-relay, 3003 projector). */
  @IsOptional()
  @IsPort({ message: 'must be a port number from 1 to 65535' })
  PORT?: string;

  /** Default 127.0.0.1. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:-]+$/, { message: 'must be a host name or an IP address' })
  HOST?: string;

  /** Default: the local Postgres `npm start` provisions. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// connection address' })
  DATABASE_URL?: string;

  /** Default 30. */
  @IsOptional()
  @IsPositive({ message: 'must be a positive number of seconds' })
  @Type(() => Number)
  READINESS_STALL_SECONDS?: number;

  /** Default info. */
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  /** Default json; pretty lines only when also writing to a terminal. */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: string;

  /**
   * The master key (32 bytes, base64: `openssl rand -base64 32`) that wraps the keys of personal data (docs/adr/0059),
   * for the services that seal or open names. Unset (and no _FILE): a command or a read that needs a name answers 503.
   */
  @IsOptional()
  @Accepted((value) => thirtyTwoBytes(value), { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' })
  PERSONAL_DATA_MASTER_KEY?: string;

  @IsOptional()
  @Accepted((file) => thirtyTwoBytes(readFileSync(file, 'utf8')), { message: 'must name a readable file holding 32 bytes in base64' })
  PERSONAL_DATA_MASTER_KEY_FILE?: string;

  /** Default none: spans are not recorded (a caller's traceparent still reaches the events). */
  @IsOptional()
  @IsIn(TRACES_EXPORTERS, { message: `must be one of ${TRACES_EXPORTERS.join(', ')}` })
  OTEL_TRACES_EXPORTER?: string;

  /** The OTLP/HTTP collector (…/v1/traces is added), or the traces endpoint itself. */
  @IsOptional()
  @Accepted((value) => new URL(value), { message: 'must be an http:// or https:// address' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsOptional()
  @Accepted((value) => new URL(value), { message: 'must be an http:// or https:// address' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** Default 5000 ms between exports of the spans recorded. */
  @IsOptional()
  @WholeNumber(1)
  OTEL_BSP_SCHEDULE_DELAY?: number;
}

/** The HTTP APIs: who may call them, how often, from which browser origins. */
export class ApiEnvironment extends ServiceEnvironment {
  @IsString()
  @IsNotEmpty({ message: 'must name the issuer of the bearer tokens (npm start sets it for the development key)' })
  AUTH_ISSUER!: string;

  @IsString()
  @IsNotEmpty({ message: 'must name the audience of the bearer tokens' })
  AUTH_AUDIENCE!: string;

  /** One of AUTH_JWKS_URL and AUTH_JWKS_FILE names the keys tokens are signed with. */
  @ValidateIf((env: ApiEnvironment) => !env.AUTH_JWKS_FILE)
  @Accepted((value) => new URL(value), { message: 'or AUTH_JWKS_FILE must name the keys tokens are signed with (a URL here)' })
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  AUTH_JWKS_FILE?: string;

  /** Default 1200 requests a minute per subject. */
  @IsOptional()
  @WholeNumber(1)
  THROTTLE_LIMIT_PER_MINUTE?: number;

  /** Default: none. */
  @IsOptional()
  @Accepted((value) => allowedOrigins(value))
  CORS_ORIGINS?: string;
}

/** The services that talk to Kafka. */
export class KafkaServiceEnvironment extends ServiceEnvironment {
  /** Default: the local broker `npm start` provisions. */
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9.-]+:\d{1,5}\s*(,\s*[A-Za-z0-9.-]+:\d{1,5}\s*)*$/, { message: 'must list brokers as host:port, separated by commas' })
  KAFKA_BROKERS?: string;

  /** Default: none. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, dots, underscores and hyphens' })
  KAFKA_TOPIC_PREFIX?: string;

  /** Default 3. */
  @IsOptional()
  @WholeNumber(1, 1000)
  KAFKA_TOPIC_PARTITIONS?: number;

  /** Default 1 (one local broker); 3 in a cluster. */
  @IsOptional()
  @WholeNumber(1, 10)
  KAFKA_TOPIC_REPLICATION_FACTOR?: number;

  /** Default: the broker's; 2 with three replicas. */
  @IsOptional()
  @WholeNumber(1, 10)
  @NotAbove('KAFKA_TOPIC_REPLICATION_FACTOR', 1)
  KAFKA_TOPIC_MIN_INSYNC_REPLICAS?: number;

  /** Default false. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  KAFKA_TLS?: string;

  /** PEM files: the certificates to trust (default the system's), and the client's own when the cluster asks. */
  @IsOptional()
  @Accepted((value) => readable(value), { message: 'must name a readable file' })
  KAFKA_TLS_CA_FILE?: string;

  @IsOptional()
  @Accepted((value) => readable(value), { message: 'must name a readable file' })
  KAFKA_TLS_CERT_FILE?: string;

  @IsOptional()
  @Accepted((value) => readable(value), { message: 'must name a readable file' })
  KAFKA_TLS_KEY_FILE?: string;

  /** Default none. */
  @IsOptional()
  @IsIn(SASL_MECHANISMS, { message: `must be one of ${SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM?: string;

  @ValidateIf((env: KafkaServiceEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'must be given with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((env: KafkaServiceEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'must be given with KAFKA_SASL_MECHANISM' })
  KAFKA_SASL_PASSWORD?: string;
}

/** Throws unless the file exists and this process may read it. */
function readable(file: string): void {
  accessSync(file, constants.R_OK);
}

