import { Pool } from 'pg';
import { CommitNotifier, EVENTS_CHANNEL } from './commit-notifier';

describe(CommitNotifier.name, () => {
  let query: jest.Mock;
  let notifier: CommitNotifier;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    query = jest.fn().mockResolvedValue({ rows: [] });
    notifier = new CommitNotifier({ query } as unknown as Pool);
  });
  afterEach(() => jest.useRealTimers());

  it('gives the first append of a quiet spell the turn to notify from its statement, and no other within 3 ms', () => {
    expect(notifier.takeStatementTurn()).toBe(true);
    jest.advanceTimersByTime(2);
    expect(notifier.takeStatementTurn()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(notifier.takeStatementTurn()).toBe(true);
    expect(query).not.toHaveBeenCalled();
  });

  it('announces the commits within the window by one query at its end, with the latest position', () => {
    notifier.takeStatementTurn();
    jest.advanceTimersByTime(1);
    notifier.notify('41');
    notifier.notify('42');
    expect(notifier.takeStatementTurn()).toBe(false); // a query is due: the next append waits for it too
    jest.advanceTimersByTime(1);
    expect(query).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(query.mock.calls).toEqual([['SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, '42']]]);
    expect(notifier.takeStatementTurn()).toBe(false);
    jest.advanceTimersByTime(3);
    expect(notifier.takeStatementTurn()).toBe(true);
  });

  it('notifies at once after a commit that follows a quiet spell without a turn', () => {
    notifier.notify('7');
    jest.advanceTimersByTime(0);
    expect(query).toHaveBeenCalledTimes(1);
  });
});
