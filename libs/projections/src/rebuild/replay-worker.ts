import { parentPort, workerData } from 'node:worker_threads';
import { partitionOf, PostgresReplayLog, ReplayableLog } from '@civic/event-store';
import { ALL_PROJECTIONS } from '../index';
import { claimReplayedStreams, ProjectionRunner } from '../runner/projection-runner';
import { replayLog, shadowPool } from './replay';
import { PartitionReplay, ReplayMessage } from './replay-threads';

/**
 * A replay thread (replay-threads.ts): one partition of the log into the shadow tables, reporting as it goes, and
 * the versions of the partition's streams recorded in the shadow projected_streams.
 */
async function replayPartition({ databaseUrl, projections, partition, from, upTo }: PartitionReplay): Promise<void> {
  const post = (message: ReplayMessage) => parentPort?.postMessage(message);
  const replayed = ALL_PROJECTIONS.filter((p) => projections.includes(p.name));
  const runner = new ProjectionRunner(replayed, 'replay');
  const log: ReplayableLog = new PostgresReplayLog(databaseUrl, `civic-log-partition-${partition.index}`);
  const shadow = shadowPool(databaseUrl, `civic-rebuild-replay-${partition.index}`);
  try {
    const { events } = await replayLog(partitionOf(log, partition, upTo), from, shadow, runner, (applied) => post({ applied }));
    // Its streams are its own: their versions are recorded now, while other threads may still be replaying.
    await claimReplayedStreams(shadow, replayed, upTo, { after: from, partition });
    post({ done: events });
  } finally {
    await Promise.all([log.close(), shadow.end()]);
  }
}

replayPartition(workerData as PartitionReplay).catch((error: Error) => {
  // Thrown here, the error would reach the parent as an 'error' event without the pg error's code and detail.
  parentPort?.postMessage({ failed: { message: error.message, stack: error.stack } } satisfies ReplayMessage);
});
