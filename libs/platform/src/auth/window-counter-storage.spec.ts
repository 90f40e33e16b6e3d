import { WindowCounterStorage } from './window-counter-storage';

describe(WindowCounterStorage.name, () => {
  const MINUTE = 60_000;
  let clock: number;
  let storage: WindowCounterStorage;
  const hit = (key = 'subject:a', limit = 5) => storage.increment(key, MINUTE, limit, MINUTE, 'default');

  beforeEach(() => {
    clock = Date.parse('2026-11-23T08:00:00Z');
    storage = new WindowCounterStorage(() => clock);
  });

  it('lets a caller make `limit` requests in a window, refuses the next with the time to wait, and counts callers apart', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await hit());
    expect(answers.map((a) => a.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(answers.map((a) => a.totalHits).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(answers[5].timeToBlockExpire).toBe(60);
    expect((await hit('subject:b')).isBlocked).toBe(false);
  });

  it('keeps a refused caller out for the block duration, then lets it in as its requests slide out of the window', async () => {
    for (let i = 0; i < 6; i += 1) await hit();
    clock += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock += 60_000; // the block is over; half of the previous window's five still count
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 4 });
  });

  it("weighs the previous window by how much of it still overlaps the last minute, so a burst at a window's edge is not doubled", async () => {
    clock += MINUTE - 1_000; // the last second of a window
    for (let i = 0; i < 5; i += 1) expect((await hit()).isBlocked).toBe(false);
    clock += 2_000; // one second into the next: nearly all of those five are still within the last minute
    expect((await hit()).isBlocked).toBe(true);
  });

  it('forgets the previous window once a whole window has passed without requests', async () => {
    for (let i = 0; i < 5; i += 1) await hit();
    clock += 2 * MINUTE;
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await hit()).isBlocked);
    expect(answers).toEqual([false, false, false, false, false]);
  });
});
