import { EventEmitter } from 'node:events';
import { Supervised, Supervisor } from './supervisor';

class FakeService implements Supervised {
  readonly child = new EventEmitter();
  stopped = false;
  constructor(readonly name: string) {}
  async stop(): Promise<void> {
    this.stopped = true;
  }
  crash(code = 1): void {
    this.child.emit('exit', code, null);
  }
}

describe('Supervisor', () => {
  let now = 0;
  let said: string[];
  let launched: FakeService[];
  let failNextLaunches: number;
  const launch = async (name: string) => {
    if (failNextLaunches > 0) {
      failNextLaunches -= 1;
      throw new Error('port in use');
    }
    const service = new FakeService(name);
    launched.push(service);
    return service;
  };
  const supervisor = () => new Supervisor<FakeService>(launch, { firstBackoffMs: 1_000, maxBackoffMs: 8_000, stableAfterMs: 60_000, log: (m) => said.push(m), now: () => now });
  const advance = async (ms: number) => {
    now += ms;
    await jest.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    said = [];
    launched = [];
    failNextLaunches = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('restarts a service that exits after a wait that doubles with each restart in a row, up to the cap', async () => {
    const s = supervisor();
    await s.start('event-relay');
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      launched[launched.length - 1].crash();
      const before = launched.length;
      let waited = 0;
      while (launched.length === before) {
        await advance(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(said[0]).toMatch(/^event-relay exited \(code 1\) after 0 s; restart 1 in a row, in 1000 ms$/);
    expect(said).toContain('event-relay is running again');
  });

  it('starts the count afresh once a service has run steadily', async () => {
    const s = supervisor();
    await s.start('projector');
    launched[0].crash();
    await advance(1_000);
    launched[1].crash();
    await advance(2_000);
    await advance(120_000);
    launched[2].crash();
    expect(said[said.length - 1]).toMatch(/after 120 s; restart 1 in a row, in 1000 ms/);
  });

  it('keeps trying a service that cannot start, and never stops the others', async () => {
    const s = supervisor();
    await s.start('query-api');
    await s.start('records-api');
    failNextLaunches = 3;
    launched[0].crash();
    await advance(1_000 + 2_000 + 4_000 + 8_000);
    expect(said.filter((m) => m.startsWith('query-api could not start (port in use)'))).toHaveLength(3);
    expect(launched.map((l) => l.name)).toEqual(['query-api', 'records-api', 'query-api']);
    expect(launched[1].stopped).toBe(false);
    expect(s.running().map((r) => r.name)).toEqual(['query-api', 'records-api']);
  });

  it('stops every service, the last started first, and restarts none after', async () => {
    const s = supervisor();
    await s.start('a');
    await s.start('b');
    const [a, b] = launched;
    await s.stop();
    expect([a.stopped, b.stopped]).toEqual([true, true]);
    a.crash();
    await advance(60_000);
    expect(launched).toHaveLength(2);
  });
});
