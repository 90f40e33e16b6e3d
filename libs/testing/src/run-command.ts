import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * How long a command may run before it is killed. A command a failed test no longer awaits (a `migrate --wait` whose
 * migration never came) would otherwise keep Jest, and CI, waiting for ever.
 */
const DEFAULT_COMMAND_TIMEOUT_MS = 180_000;

/** Runs a command from the repository root as an operator would, with extra environment, and collects its output. */
export function runCommand(command: string, args: readonly string[], env: Record<string, string> = {}, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const deadline = setTimeout(() => {
      stderr += `\n[killed: still running after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolvePromise({ code, stdout, stderr });
    });
  });
}
