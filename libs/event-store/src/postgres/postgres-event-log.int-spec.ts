import { createTestDatabase, eventLogContract } from '@civic/testing';
import { PostgresEventStore } from './postgres-event-store';

eventLogContract(PostgresEventStore.name, async () => {
  const database = await createTestDatabase();
  return { open: (contract) => new PostgresEventStore(database.pool, contract), close: () => database.drop() };
});
