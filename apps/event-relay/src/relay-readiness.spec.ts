import { LogCheckpoint } from '@civic/event-store';
import { RelayStatus } from '@civic/messaging';
import { RelayReadiness } from './relay-readiness';

const at = (position: number, transactionId = position): LogCheckpoint => ({ transactionId: String(transactionId), position: String(position) });

describe('RelayReadiness', () => {
  let now: number;
  let status: RelayStatus;
  let head: LogCheckpoint;
  let kafka: Error | undefined;
  const readiness = () =>
    new RelayReadiness({ status: () => status }, { logHead: async () => head, kafkaAnswers: async () => { if (kafka) throw kafka; } }, 30, () => now);

  beforeEach(() => {
    now = 0;
    status = { role: 'leader', checkpoint: at(10), published: 10, heldBack: 0, lastFailure: null };
    head = at(10);
    kafka = undefined;
  });

  it('is ready when it leads, Kafka answers and nothing waits', async () => {
    expect(await readiness().probe()).toMatchObject({ ready: true, details: { role: 'leader', eventsBeyondCheckpoint: false, secondsWithoutProgress: 0 } });
  });

  it('is not ready when Kafka does not answer, saying so', async () => {
    kafka = new Error('Connection timeout');
    expect(await readiness().probe()).toMatchObject({ ready: false, reason: 'Kafka does not answer: Connection timeout' });
  });

  it('is not ready once its checkpoint has stood still for the stall time while events wait, and ready again when it moves', async () => {
    const probe = readiness();
    head = at(20);
    expect((await probe.probe()).ready).toBe(true);
    now = 29_000;
    expect((await probe.probe()).ready).toBe(true);
    now = 31_000;
    expect(await probe.probe()).toMatchObject({ ready: false, reason: expect.stringContaining('has not moved for 31 s'), details: { secondsWithoutProgress: 31 } });
    status = { ...status, checkpoint: at(15) };
    expect(await probe.probe()).toMatchObject({ ready: true, details: { secondsWithoutProgress: 0 } });
  });

  it('orders the log by transaction, then position: a later transaction with a lower position is still beyond', async () => {
    head = at(9, 11);
    expect((await readiness().probe()).details).toMatchObject({ eventsBeyondCheckpoint: true });
  });

  it('is ready standing by while another leads, and not ready between leads after a failure', async () => {
    status = { ...status, role: 'standby' };
    expect((await readiness().probe()).ready).toBe(true);
    status = { ...status, lastFailure: { message: 'lock session lost', at: '2026-12-05T08:00:00Z' } };
    expect(await readiness().probe()).toMatchObject({ ready: false, reason: expect.stringContaining('stepped down (lock session lost)') });
  });

  it('is not ready while starting', async () => {
    status = { ...status, role: 'starting' };
    expect(await readiness().probe()).toMatchObject({ ready: false, reason: expect.stringContaining('starting') });
  });
});
