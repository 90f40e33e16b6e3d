import { replayableLogContract } from '@civic/testing';
import { InMemoryEventLog } from './in-memory-event-log';

replayableLogContract(InMemoryEventLog.name, async (contract) => {
  const log = new InMemoryEventLog(contract);
  return { writer: log, replay: log, close: async () => undefined };
});
