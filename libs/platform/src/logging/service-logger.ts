import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

export interface LoggingSettings {
  readonly level?: string;
  readonly format?: string;
  /** Whether standard output is a terminal: pretty lines only there, JSON everywhere else whatever was asked. */
  readonly terminal?: boolean;
}

/** LOG_LEVEL and LOG_FORMAT (validated by the service's schema), and whether standard output is a terminal. */
export function loggingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LoggingSettings {
  return { level: env.LOG_LEVEL, format: env.LOG_FORMAT, terminal: Boolean(process.stdout.isTTY) };
}

/** Whether pino-pretty (a development dependency) is installed; a production image has only JSON. */
function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's logger: one JSON object per line on standard output (level by name, ISO time, the service's name),
 * for a log collector to read without parsing text. Pretty, coloured lines only when asked for (LOG_FORMAT=pretty)
 * and writing to a terminal, where a person reads them.
 */
export function createServiceLogger(service: string, { level = 'info', format = 'json', terminal = false }: LoggingSettings = {}, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // A token or a cookie is never written, whatever a log call is given.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'], censor: '[redacted]' },
  };
  if (format === 'pretty' && terminal && prettyInstalled()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } });
  }
  return destination ? pino(options, destination) : pino(options);
}

let processLogger: Logger | undefined;

/** The logger of this process, made on first use from its service name and LOG_LEVEL / LOG_FORMAT. */
export function serviceLogger(): Logger {
  return (processLogger ??= createServiceLogger(process.env.SERVICE_NAME ?? 'civic-records', loggingSettingsFromEnv()));
}
