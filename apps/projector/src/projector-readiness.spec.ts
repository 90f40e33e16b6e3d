import { PartitionProgress, ProjectorReadiness } from './projector-readiness';

describe('ProjectorReadiness', () => {
  let now: number;
  let partitions: PartitionProgress[] | Error;
  let consuming: boolean;
  const readiness = () =>
    new ProjectorReadiness({ partitions: async () => { if (partitions instanceof Error) throw partitions; return partitions; }, consuming: () => consuming }, 30, () => now);
  const partition = (partition: number, end: number, next: number): PartitionProgress => ({ topic: 'civic.meetings.v1', partition, end: BigInt(end), next: BigInt(next) });

  beforeEach(() => {
    now = 0;
    consuming = true;
    partitions = [partition(0, 10, 10), partition(1, 5, 5)];
  });

  it('is ready with no lag, reporting the lag of each partition', async () => {
    expect(await readiness().probe()).toEqual({ ready: true, details: { consuming: true, lag: 0, lagByPartition: { 'civic.meetings.v1:0': 0, 'civic.meetings.v1:1': 0 }, secondsWithoutProgress: 0 } });
  });

  it('stays ready while a lag shrinks, and is not once it has stood still for the stall time', async () => {
    const probe = readiness();
    partitions = [partition(0, 100, 10), partition(1, 5, 5)];
    expect((await probe.probe()).ready).toBe(true);
    now = 20_000;
    partitions = [partition(0, 120, 50), partition(1, 5, 5)];
    expect((await probe.probe()).ready).toBe(true);
    now = 51_000;
    expect(await probe.probe()).toMatchObject({ ready: false, reason: '70 messages wait and none has been applied for 31 s', details: { lag: 70 } });
  });

  it('is not ready when Kafka or its database does not answer, or its consumer has stopped', async () => {
    partitions = new Error('Connection timeout');
    expect(await readiness().probe()).toMatchObject({ ready: false, reason: 'cannot measure the lag: Connection timeout' });
    partitions = [partition(0, 1, 1)];
    consuming = false;
    expect(await readiness().probe()).toMatchObject({ ready: false, reason: 'the Kafka consumer is not running' });
  });
});
