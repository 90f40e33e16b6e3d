import { auditLogContract } from '@civic/testing';
import { InMemoryEventLog } from './in-memory-event-log';

auditLogContract(InMemoryEventLog.name, async () => ({ open: (contract) => new InMemoryEventLog(contract), close: async () => undefined }));
