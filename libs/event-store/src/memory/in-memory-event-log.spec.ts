import { eventLogContract } from '@civic/testing';
import { InMemoryEventLog } from './in-memory-event-log';

eventLogContract(InMemoryEventLog.name, async () => ({ open: (contract) => new InMemoryEventLog(contract), close: async () => undefined }));
