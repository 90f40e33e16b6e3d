import { Logger, PinoLogger } from 'nestjs-pino';
import { serviceLogger } from './service-logger';

/**
 * Nest's logger through pino (nestjs-pino's Logger over the process's logger): what the framework and the services
 * log becomes JSON lines. nestjs-pino's LoggerModule is not used: its per-request middleware (pino-http and a
 * context per request, through Fastify's middleware layer) cost about 450 µs of CPU per command, half again what a
 * command cost without it (docs/adr/0052). The request line is written once answered (logEveryRequest), with the
 * correlation id; an unexpected error is logged with its request's correlation id by the Problem Details filter.
 */
export function nestLogger(): Logger {
  return new Logger(new PinoLogger({ pinoHttp: { logger: serviceLogger() } }), {});
}
