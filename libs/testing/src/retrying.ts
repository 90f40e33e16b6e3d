import { isConnectionLoss } from '@civic/database';

/**
 * For tests that terminate database connections on purpose: the test's own pooled connections die with the
 * others, so what it asks next is tried again, on a fresh connection, up to five times.
 */
export async function retryingOnConnectionLoss<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionLoss(error) || attempt === 5) throw error;
    }
  }
}
