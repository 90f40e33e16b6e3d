/**
 * Latency buckets, in seconds, of work measured in milliseconds that can stretch to seconds: HTTP answers (summaries
 * in milliseconds, time travel in seconds), Kafka acknowledgements, read-model transactions, an event's way from
 * the log to Kafka and to the read models.
 */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Seconds since an event was recorded in the log (its `recordedAt`), never below zero (clocks of two hosts). */
export function secondsSinceRecorded(recordedAt: string, now = Date.now()): number {
  return Math.max(0, (now - Date.parse(recordedAt)) / 1000);
}
