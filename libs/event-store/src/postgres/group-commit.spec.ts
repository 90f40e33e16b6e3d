import { Batching, GroupCommit, Outcome } from './group-commit';

interface Append {
  readonly stream: string;
  readonly expected: number;
}

/** A commit that records its batches and answers when the test says so. */
class ControlledCommit implements Batching<Append, number> {
  readonly batches: Append[][] = [];
  private readonly answers: ((outcomes: Outcome<number>[] | Error) => void)[] = [];

  commit(batch: readonly Append[]): Promise<Outcome<number>[]> {
    this.batches.push([...batch]);
    return new Promise((resolve, reject) => this.answers.push((outcomes) => (outcomes instanceof Error ? reject(outcomes) : resolve(outcomes))));
  }

  keyOf(append: Append): string {
    return append.stream;
  }

  refusalAfter(waiting: Append, committedVersion: number): unknown {
    return waiting.expected < committedVersion ? new Error(`${waiting.stream} moved on`) : undefined;
  }

  /** Answers the oldest unanswered batch: each append lands at expected + 1. */
  commitNext(): void {
    const batch = this.batches[this.batches.length - this.answers.length];
    this.answers.shift()?.(batch.map((a) => ({ ok: true, result: a.expected + 1 })));
  }

  failNext(error: Error): void {
    this.answers.shift()?.(error);
  }
}

const settled = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: Error) => ({ error: error.message }));
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(GroupCommit.name, () => {
  it('sends a request at once while a slot is free, and what arrives meanwhile together in the next batch', async () => {
    const commit = new ControlledCommit();
    const queue = new GroupCommit(commit, { maxInFlight: 1, maxBatch: 10 });
    const first = queue.submit({ stream: 'a', expected: 0 });
    const later = [queue.submit({ stream: 'b', expected: 0 }), queue.submit({ stream: 'c', expected: 4 })];
    expect(commit.batches).toEqual([[{ stream: 'a', expected: 0 }]]);

    commit.commitNext();
    await expect(first).resolves.toBe(1);
    await flush();
    expect(commit.batches[1]).toEqual([{ stream: 'b', expected: 0 }, { stream: 'c', expected: 4 }]);
    commit.commitNext();
    await expect(Promise.all(later)).resolves.toEqual([1, 5]);
  });

  it('never puts two requests for one stream in a batch, and refuses the one left behind without sending it', async () => {
    const commit = new ControlledCommit();
    const queue = new GroupCommit(commit, { maxInFlight: 1, maxBatch: 10 });
    void queue.submit({ stream: 'x', expected: 0 });
    const winner = queue.submit({ stream: 'hot', expected: 3 });
    const loser = settled(queue.submit({ stream: 'hot', expected: 3 }));
    const other = queue.submit({ stream: 'y', expected: 0 });
    commit.commitNext();
    await flush();
    expect(commit.batches[1]).toEqual([{ stream: 'hot', expected: 3 }, { stream: 'y', expected: 0 }]);

    commit.commitNext();
    await expect(winner).resolves.toBe(4);
    await expect(other).resolves.toBe(1);
    expect(await loser).toEqual({ error: 'hot moved on' });
    expect(commit.batches).toHaveLength(2);
  });

  it('holds a stream\'s next request while one of that stream is being committed, then refuses or sends it', async () => {
    const commit = new ControlledCommit();
    const queue = new GroupCommit(commit, { maxInFlight: 3, maxBatch: 10 });
    const winner = queue.submit({ stream: 'hot', expected: 3 });
    const loser = settled(queue.submit({ stream: 'hot', expected: 3 }));
    const following = queue.submit({ stream: 'hot', expected: 4 });
    const other = queue.submit({ stream: 'cold', expected: 0 });
    // Slots were free, yet only the first of the hot stream went out; another stream was not held up.
    expect(commit.batches).toEqual([[{ stream: 'hot', expected: 3 }], [{ stream: 'cold', expected: 0 }]]);

    commit.commitNext();
    await expect(winner).resolves.toBe(4);
    expect(await loser).toEqual({ error: 'hot moved on' });
    await flush();
    expect(commit.batches[2]).toEqual([{ stream: 'hot', expected: 4 }]);
    commit.commitNext();
    commit.commitNext();
    await expect(other).resolves.toBe(1);
    await expect(following).resolves.toBe(5);
    expect(commit.batches).toHaveLength(3);
  });

  it('keeps at most maxBatch requests in a batch and no more than maxInFlight batches at once', async () => {
    const commit = new ControlledCommit();
    const queue = new GroupCommit(commit, { maxInFlight: 2, maxBatch: 2 });
    const all = Array.from({ length: 6 }, (_, i) => queue.submit({ stream: `s${i}`, expected: 0 }));
    expect(commit.batches.map((b) => b.length)).toEqual([1, 1]);
    commit.commitNext();
    await flush();
    expect(commit.batches.map((b) => b.length)).toEqual([1, 1, 2]);
    commit.commitNext();
    await flush();
    expect(commit.batches.map((b) => b.length)).toEqual([1, 1, 2, 2]);
    commit.commitNext();
    commit.commitNext();
    await expect(Promise.all(all)).resolves.toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives every request of a failed batch the error, and goes on with the next batch', async () => {
    const commit = new ControlledCommit();
    const queue = new GroupCommit(commit, { maxInFlight: 1, maxBatch: 10 });
    const failed = settled(queue.submit({ stream: 'a', expected: 0 }));
    const next = queue.submit({ stream: 'b', expected: 0 });
    commit.failNext(new Error('connection lost'));
    expect(await failed).toEqual({ error: 'connection lost' });
    await flush();
    commit.commitNext();
    await expect(next).resolves.toBe(1);
  });
});
