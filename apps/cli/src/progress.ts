import { Presets, SingleBar } from 'cli-progress';
import { Progress } from '@civic/registry-import';

/** One progress bar per job, with a rate, written to stderr so stdout stays for results. */
export function progressBar(label: string): Progress & { stop(): void } {
  const bar = new SingleBar({ format: `${label.padEnd(36)} [{bar}] {value}/{total} events  {eta_formatted} left`, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  const update = (done: number, total: number) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
  return Object.assign(update, { stop: () => started && bar.stop() });
}
