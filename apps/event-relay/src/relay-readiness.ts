import { LogCheckpoint } from '@civic/event-store';
import { RelayStatus } from '@civic/messaging';
import { ProgressWatch, Readiness } from '@civic/platform';

/** What the relay's readiness reads besides the relay itself. */
export interface RelaySurroundings {
  /** The last event a reader of the log could take now (GapFreeLogReader.head). */
  logHead(): Promise<LogCheckpoint>;
  /** Resolves when the Kafka cluster answers, rejects with why not. */
  kafkaAnswers(): Promise<void>;
}

const after = (a: LogCheckpoint, b: LogCheckpoint | null): boolean =>
  !b || BigInt(a.transactionId) > BigInt(b.transactionId) || (a.transactionId === b.transactionId && BigInt(a.position) > BigInt(b.position));

/**
 * The relay is ready when it leads and its work moves (Kafka answers, and its checkpoint has not stood still for
 * `stallSeconds` while the log has events beyond it), or when it stands by while another instance leads. It is not
 * ready while starting, or while it is between leads after a failure (lost lock session, database or Kafka).
 */
export class RelayReadiness {
  private readonly watch: ProgressWatch;

  constructor(
    private readonly relay: { status(): RelayStatus },
    private readonly surroundings: RelaySurroundings,
    private readonly stallSeconds: number,
    now: () => number = Date.now,
  ) {
    this.watch = new ProgressWatch(now);
  }

  async probe(): Promise<Readiness> {
    const status = this.relay.status();
    const head = await this.surroundings.logHead();
    const behind = after(head, status.checkpoint);
    const waitingSeconds = this.watch.observe(BigInt(status.checkpoint?.position ?? 0), status.role === 'leader' && behind);
    const details = {
      role: status.role,
      logHead: head,
      checkpoint: status.checkpoint,
      eventsBeyondCheckpoint: behind,
      heldBack: status.heldBack,
      published: status.published,
      secondsWithoutProgress: waitingSeconds,
      lastFailure: status.lastFailure,
    };
    const notReady = (reason: string): Readiness => ({ ready: false, reason, details });
    switch (status.role) {
      case 'starting':
        return notReady('starting: not yet leading nor standing by');
      case 'stopped':
        return notReady('stopped');
      case 'standby':
        return status.lastFailure ? notReady(`stepped down (${status.lastFailure.message}) at ${status.lastFailure.at}; competing for the lead again`) : { ready: true, details };
      case 'leader':
        try {
          await this.surroundings.kafkaAnswers();
        } catch (error) {
          return notReady(`Kafka does not answer: ${(error as Error).message}`);
        }
        if (waitingSeconds >= this.stallSeconds) return notReady(`the checkpoint has not moved for ${waitingSeconds} s while the log has events beyond it`);
        return { ready: true, details };
    }
  }
}
