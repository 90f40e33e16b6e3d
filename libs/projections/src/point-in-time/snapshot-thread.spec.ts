import { snapshotKeepingFromEnv } from './snapshot-thread';

describe('snapshotKeepingFromEnv', () => {
  const url = 'postgres://db/civic';

  it('takes a snapshot every 2,000 events, or a minute after the oldest event not in one, by default', () => {
    expect(snapshotKeepingFromEnv(url, {})).toEqual({ databaseUrl: url, everyEvents: 2000, maxAgeMs: 60_000, checkEveryMs: 5000 });
  });

  it('looks as often as the age allowed when that is shorter than five seconds', () => {
    expect(snapshotKeepingFromEnv(url, { SNAPSHOT_EVERY_EVENTS: '1', SNAPSHOT_MAX_AGE_SECONDS: '0.2' })).toMatchObject({ everyEvents: 1, maxAgeMs: 200, checkEveryMs: 200 });
  });

  it('takes none with SNAPSHOT_EVERY_EVENTS=0', () => {
    expect(snapshotKeepingFromEnv(url, { SNAPSHOT_EVERY_EVENTS: '0' })).toBeUndefined();
  });

  it.each([
    [{ SNAPSHOT_EVERY_EVENTS: 'many' }, 'SNAPSHOT_EVERY_EVENTS'],
    [{ SNAPSHOT_EVERY_EVENTS: '-5' }, 'SNAPSHOT_EVERY_EVENTS'],
    [{ SNAPSHOT_EVERY_EVENTS: '2.5' }, 'SNAPSHOT_EVERY_EVENTS'],
    [{ SNAPSHOT_MAX_AGE_SECONDS: '0' }, 'SNAPSHOT_MAX_AGE_SECONDS'],
    [{ SNAPSHOT_MAX_AGE_SECONDS: 'soon' }, 'SNAPSHOT_MAX_AGE_SECONDS'],
  ])('refuses %j, naming the setting', (env, name) => {
    expect(() => snapshotKeepingFromEnv(url, env)).toThrow(name);
  });
});
