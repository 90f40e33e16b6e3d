import { createServiceLogger, loggingSettingsFromEnv } from '../../libs/platform/src/logging/service-logger';
/** Console output for the local scripts: one prefix per component so interleaved logs stay readable. */
export type Log = (message: string) => void;

export function logger(component: string): Log {
  return (message: string) => process.stdout.write(`[${component}] ${message}\n`);
}

/**
 * Log lines of a long-running component (the supervisor) as the services write theirs: one JSON object per line,
 * pretty only when LOG_FORMAT=pretty and writing to a terminal.
 */
export function jsonLogger(component: string): Log {
  const json = createServiceLogger(component, loggingSettingsFromEnv());
  return (message: string) => json.info(message);
}
