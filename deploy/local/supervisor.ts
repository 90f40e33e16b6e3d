import type { EventEmitter } from 'node:events';
import type { Log } from './log';

/** What the supervisor needs of a started service: its process, to hear it exit, and a way to stop it. */
export interface Supervised {
  readonly child: EventEmitter;
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  /** The wait before the first restart of a service; each further restart in a row waits twice as long … */
  readonly firstBackoffMs?: number;
  /** … up to this. */
  readonly maxBackoffMs?: number;
  /** A service that ran this long before it exited starts its count of restarts in a row afresh. */
  readonly stableAfterMs?: number;
  readonly log: Log;
  readonly now?: () => number;
}

interface Slot<Service> {
  service?: Service;
  startedAt: number;
  /** Restarts since the service last ran for stableAfterMs. */
  inARow: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps each service running: one that exits (or fails to start) is started again after a wait that doubles with
 * each restart in a row, up to a cap, and is reset once the service has run steadily. A service that flaps waits
 * longer and longer; it never takes the others, Kafka or Postgres down with it. Every decision is logged.
 */
export class Supervisor<Service extends Supervised> {
  private readonly slots = new Map<string, Slot<Service>>();
  private stopping = false;
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly launch: (name: string) => Promise<Service>,
    private readonly options: SupervisorOptions,
  ) {
    this.firstBackoffMs = options.firstBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts a service and supervises it from then on; the first start's failure is the caller's to hear. */
  async start(name: string): Promise<Service> {
    const slot: Slot<Service> = { startedAt: this.now(), inARow: 0 };
    this.slots.set(name, slot);
    const service = await this.launch(name);
    this.watch(name, slot, service);
    return service;
  }

  /** The services running now, in the order they were started. */
  running(): Service[] {
    return [...this.slots.values()].flatMap((slot) => (slot.service ? [slot.service] : []));
  }

  /** Stops supervising, then stops every service, the last started first. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots.values()) clearTimeout(slot.timer);
    for (const service of this.running().reverse()) await service.stop();
  }

  private watch(name: string, slot: Slot<Service>, service: Service): void {
    slot.service = service;
    slot.startedAt = this.now();
    service.child.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      if (slot.service === service) slot.service = undefined;
      if (this.stopping) return;
      const ranMs = this.now() - slot.startedAt;
      this.scheduleRestart(name, slot, `exited (${signal ?? `code ${code}`}) after ${Math.round(ranMs / 1000)} s`, ranMs);
    });
  }

  private scheduleRestart(name: string, slot: Slot<Service>, why: string, ranMs: number): void {
    if (ranMs >= this.stableAfterMs) slot.inARow = 0;
    const waitMs = Math.min(this.firstBackoffMs * 2 ** slot.inARow, this.maxBackoffMs);
    slot.inARow += 1;
    this.options.log(`${name} ${why}; restart ${slot.inARow} in a row, in ${waitMs} ms`);
    slot.timer = setTimeout(() => void this.restart(name, slot), waitMs);
  }

  private async restart(name: string, slot: Slot<Service>): Promise<void> {
    if (this.stopping) return;
    slot.startedAt = this.now();
    try {
      const service = await this.launch(name);
      if (this.stopping) {
        await service.stop();
        return;
      }
      this.options.log(`${name} is running again`);
      this.watch(name, slot, service);
    } catch (error) {
      this.scheduleRestart(name, slot, `could not start (${(error as Error).message})`, 0);
    }
  }
}
