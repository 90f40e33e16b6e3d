import { spawn, SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, unwatchFile, watchFile } from 'node:fs';

/**
 * How long Jest may take to exit once it has written its results. A test that leaves a process or socket open keeps
 * Jest alive for ever ("Jest did not exit one second after the test run has completed"), and CI would wait out its
 * whole time limit for a run whose results were known.
 */
const EXIT_GRACE_MS = 60_000;

/**
 * Runs Jest to completion; resolves with whether it failed. A Jest still running `EXIT_GRACE_MS` after writing its
 * results file is killed and the run counts as failed, with the reason printed: a leak is a defect to fix, never a
 * reason to hang.
 */
export async function runJest(args: string[], resultsFile: string, options: SpawnOptions): Promise<{ failed: boolean }> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
  let killedForLeak = false;
  let deadline: NodeJS.Timeout | undefined;
  const startGraceOnResults = () => {
    if (deadline || !existsSync(resultsFile)) return;
    deadline = setTimeout(() => {
      killedForLeak = true;
      process.stderr.write(`[test] Jest wrote its results but had not exited ${EXIT_GRACE_MS / 1000} s later: a test left a handle open (run with --detectOpenHandles); killing it and failing the run\n`);
      child.kill('SIGKILL');
    }, EXIT_GRACE_MS);
  };
  watchFile(resultsFile, { interval: 1_000 }, startGraceOnResults);
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    return { failed: code !== 0 || killedForLeak };
  } finally {
    unwatchFile(resultsFile);
    if (deadline) clearTimeout(deadline);
  }
}
