import { Worker } from 'node:worker_threads';
import { startThread } from '../threads';
import { SnapshotCadence } from './read-model-snapshots';

/** What the snapshot thread is given: where the log is, and when a snapshot is due. */
export interface SnapshotKeeping extends SnapshotCadence {
  readonly databaseUrl: string;
  /** How often it looks whether one is due. */
  readonly checkEveryMs: number;
}

/** What the snapshot thread tells its owner. */
export type SnapshotMessage =
  | { readonly taken: { readonly snapshots: number; readonly events: number } }
  | { readonly failed: string; readonly retryInMs: number }
  | { readonly stopped: true };

/** What an operator sees of the snapshots (the projector's /health). */
export interface SnapshotStatus {
  readonly snapshotsTaken: number;
  readonly eventsCovered: number;
  readonly lastTakenAt: string | null;
  readonly lastFailure: { readonly message: string; readonly at: string } | null;
}

/** Settings from the environment: SNAPSHOT_EVERY_EVENTS (0: none taken) and SNAPSHOT_MAX_AGE_SECONDS. */
export function snapshotKeepingFromEnv(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): SnapshotKeeping | undefined {
  const everyEvents = Number(env.SNAPSHOT_EVERY_EVENTS ?? 2000);
  const maxAgeSeconds = Number(env.SNAPSHOT_MAX_AGE_SECONDS ?? 60);
  if (!Number.isInteger(everyEvents) || everyEvents < 0) throw new Error(`SNAPSHOT_EVERY_EVENTS must be a whole number ≥ 0, not ${env.SNAPSHOT_EVERY_EVENTS}`);
  if (!(maxAgeSeconds > 0)) throw new Error(`SNAPSHOT_MAX_AGE_SECONDS must be a number > 0, not ${env.SNAPSHOT_MAX_AGE_SECONDS}`);
  if (everyEvents === 0) return undefined;
  return { databaseUrl, everyEvents, maxAgeMs: maxAgeSeconds * 1000, checkEveryMs: Math.min(5000, maxAgeSeconds * 1000) };
}

/**
 * Keeps the snapshots of the read models current from a thread of its own (snapshot-worker.ts): deriving them costs
 * CPU in bursts, which would otherwise delay the projector's batches on its event loop.
 */
export class SnapshotThread {
  private readonly worker: Worker;
  private state: SnapshotStatus = { snapshotsTaken: 0, eventsCovered: 0, lastTakenAt: null, lastFailure: null };
  private readonly exited: Promise<void>;

  constructor(keeping: SnapshotKeeping, log: (message: string) => void) {
    this.worker = startThread(__dirname, 'snapshot-worker', keeping);
    this.worker.on('message', (message: SnapshotMessage) => {
      const at = new Date().toISOString();
      if ('taken' in message) {
        this.state = { ...this.state, snapshotsTaken: this.state.snapshotsTaken + message.taken.snapshots, eventsCovered: this.state.eventsCovered + message.taken.events, lastTakenAt: at };
      } else if ('failed' in message) {
        this.state = { ...this.state, lastFailure: { message: message.failed, at } };
        log(`snapshots of the read models: ${message.failed}; trying again in ${message.retryInMs} ms`);
      }
    });
    this.worker.on('error', (error) => log(`the snapshot thread failed: ${error.message}`));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  status(): SnapshotStatus {
    return this.state;
  }

  /** Lets the snapshot in progress finish (it is one transaction; stopped, it would be rolled back), then ends. */
  async stop(graceMs = 10_000): Promise<void> {
    this.worker.postMessage('stop');
    const timer = setTimeout(() => void this.worker.terminate(), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
