/**
 * Whether a failure says nothing about the event itself: the database went away, a lock timed out, a
 * serialization conflict. Such a batch is retried as a whole; anything else is the event's (or the
 * projection's) fault, and the event is parked rather than blocking every stream behind it.
 */
export function isTransient(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(08|53|57|58)/.test(code) || code === '40001' || code === '40P01' || code === '55P03') return true;
    if (/^E[A-Z]+$/.test(code)) return true; // Node socket errors: ECONNRESET, ECONNREFUSED, ETIMEDOUT, …
  }
  return typeof message === 'string' && /Connection terminated|connection .* closed|timeout exceeded when trying to connect/i.test(message);
}
