import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { databaseUrlFromEnv } from '@civic/database';
import { snapshotKeepingFromEnv, SnapshotStatus, SnapshotThread } from '@civic/projections';

/**
 * Keeps the snapshots of the read models that time travel starts from (docs/adr/0038), in a thread of its own.
 * With several projectors, one takes them at a time (an advisory lock); the others wait their turn.
 */
@Injectable()
export class SnapshotKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Snapshots');
  private readonly keeping = snapshotKeepingFromEnv(databaseUrlFromEnv());
  private thread?: SnapshotThread;

  onApplicationBootstrap(): void {
    if (!this.keeping) {
      this.logger.log('SNAPSHOT_EVERY_EVENTS=0: no snapshots of the read models are taken; time travel replays from the start of the log');
      return;
    }
    this.thread = new SnapshotThread(this.keeping, (message) => this.logger.warn(message));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.thread?.stop();
  }

  status(): SnapshotStatus | 'off' {
    return this.thread?.status() ?? 'off';
  }
}
