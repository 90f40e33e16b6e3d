import { logCreator, logLevel } from 'kafkajs';

/** A logger that takes fields and a message, as pino's does. */
export interface StructuredLogger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/**
 * kafkajs's log through the service's logger, so its lines are the service's JSON lines (with its service name and
 * level names) rather than kafkajs's own format. Its timestamp and logger name are dropped: the line has its own.
 */
export function kafkaLogCreator(logger: StructuredLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
      const line = { component: 'kafkajs', namespace, ...fields };
      if (level === logLevel.ERROR || level === logLevel.NOTHING) logger.error(line, message);
      else if (level === logLevel.WARN) logger.warn(line, message);
      else if (level === logLevel.INFO) logger.info(line, message);
      else logger.debug(line, message);
    };
}
