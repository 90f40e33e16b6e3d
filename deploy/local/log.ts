/** Console output for the local scripts: one prefix per component so interleaved logs stay readable. */
export type Log = (message: string) => void;

export function logger(component: string): Log {
  return (message: string) => process.stdout.write(`[${component}] ${message}\n`);
}
