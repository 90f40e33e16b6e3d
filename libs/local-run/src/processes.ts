import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

/**
 * Child processes of the local scripts run in their own process group (detached), so a Ctrl-C in the
 * terminal reaches only the supervisor, which then stops them in order: services first, infrastructure last.
 */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  stop(timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
  exited(): boolean;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { logFile?: string; pidFile?: string; onOutput?: (line: string) => void },
): ManagedProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.on('data', (chunk: Buffer) => logStream?.write(chunk));
    // Whole lines, however the pipe cut them: a JSON log line split across two reads is still one line.
    const onOutput = options.onOutput;
    if (onOutput) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => line.trim() && onOutput(line));
  }
  if (options.pidFile && child.pid) writeFileSync(options.pidFile, String(child.pid));
  let hasExited = false;
  const exit = once(child, 'exit').then(() => {
    hasExited = true;
    logStream?.end();
    if (options.pidFile) rmSync(options.pidFile, { force: true });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (hasExited || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };

  return {
    name,
    child,
    exited: () => hasExited,
    async stop(timeoutMs = 20_000) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), timeoutMs);
      await exit;
      clearTimeout(timer);
    },
    async kill() {
      signalGroup('SIGKILL');
      await exit;
    },
  };
}

/** Ends a process left behind by an earlier run that was itself killed before it could clean up. */
export function killStale(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (pid > 0) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* not running */
    }
  }
  rmSync(pidFile, { force: true });
}

export async function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}
