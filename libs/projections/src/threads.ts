import { extname, join } from 'node:path';
import { ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Starts `<directory>/<name>` in a worker thread. Built, the thread runs the .js file beside the caller's; from the
 * TypeScript sources (the CLI under tsx, Jest) it registers tsx's loader first: a worker thread inherits neither
 * Jest's transform nor, for an eval'd entry, tsx's hooks.
 */
export function startThread(directory: string, name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const sourceKind = extname(__filename);
  const entry = join(directory, `${name}${sourceKind}`);
  if (sourceKind !== '.ts') return new Worker(entry, { workerData, resourceLimits });
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true, workerData, resourceLimits });
}
