import { Client } from 'pg';

/** The channel on which the read models' triggers announce, on commit, the units whose figures changed. */
export const READ_MODEL_CHANGES = 'civic_read_models';

/** Announced instead of a unit when every answer may have changed (the registry, a rebuild, a truncation). */
export const EVERYTHING = '*';

export interface ReadModelChangeSink {
  /** The figures of this unit changed, or of every unit when `EVERYTHING`. */
  changed(unit: string): void;
  /** Whether changes are being heard: while they are not, nothing may be trusted to stay current. */
  listening(heard: boolean): void;
}

const RECONNECT_MS = 1000;

/**
 * Holds a dedicated session LISTENing on the change channel and passes what it hears on. A lost session is
 * reported at once (a missed notification would leave a cached answer stale forever) and re-opened until
 * stopped; only once LISTEN is in place again does the sink hear that it may trust the channel.
 */
export class ReadModelChangeListener {
  private session?: Client;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;

  constructor(
    private readonly connectionString: string,
    private readonly sink: ReadModelChangeSink,
    private readonly applicationName = 'read-model-changes',
    /** Another channel announced on commit the same way (PERSONAL_DATA_ERASED). */
    private readonly channel = READ_MODEL_CHANGES,
  ) {}

  /** Resolves once the first attempt to listen is over, successful or not; later attempts go on by themselves. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const session = this.session;
    this.session = undefined;
    this.sink.listening(false);
    await session?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const session = new Client({ connectionString: this.connectionString, application_name: this.applicationName });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.session === session) this.session = undefined;
      this.sink.listening(false);
      void session.end().catch(() => undefined);
      if (!this.stopped) this.reconnect = setTimeout(() => void this.open(), RECONNECT_MS);
    };
    session.on('error', onLost);
    session.on('end', onLost);
    session.on('notification', ({ payload }) => this.sink.changed(payload || EVERYTHING));
    try {
      await session.connect();
      await session.query(`LISTEN ${this.channel}`);
    } catch {
      onLost();
      return;
    }
    if (this.stopped || lost) {
      await session.end().catch(() => undefined);
      return;
    }
    this.session = session;
    this.sink.listening(true);
  }
}
