import { createTestDatabase, replayableLogContract } from '@civic/testing';
import { PostgresEventStore } from './postgres-event-store';
import { PostgresReplayLog } from './replay-log';

replayableLogContract(PostgresReplayLog.name, async (contract) => {
  const database = await createTestDatabase();
  const replay = new PostgresReplayLog(database.url);
  return {
    writer: new PostgresEventStore(database.pool, contract),
    replay,
    close: async () => {
      await replay.close();
      await database.drop();
    },
  };
});
