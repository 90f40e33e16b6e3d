import { auditLogContract, createTestDatabase } from '@civic/testing';
import { PostgresEventStore } from '../postgres-event-store';
import { AuditLogReader } from './audit-log.reader';

/** The Postgres log as auditors read it: the store that appends, and the reader of query-api. */
auditLogContract(AuditLogReader.name, async () => {
  const database = await createTestDatabase();
  return {
    open: (contract) => {
      const store = new PostgresEventStore(database.pool, contract);
      const audit = new AuditLogReader(database.pool);
      return Object.assign(store, { pageJson: audit.pageJson.bind(audit), unitEventCount: audit.unitEventCount.bind(audit), streamJson: audit.streamJson.bind(audit) });
    },
    close: () => database.drop(),
  };
});
