import { Agent, get } from 'node:http';
import { nowMs, percentile } from './measure';

export interface PacedLatencies {
  readonly p50: number;
  readonly p99: number;
  readonly answers: number;
}

/**
 * Readers that each ask at a steady pace, one request at a time, as a dashboard does, rather than again the
 * moment they have an answer. Each request's latency runs from when it was due, not from when it was sent: a slow
 * answer that makes the next request late counts against the service instead of hiding (coordinated omission).
 * Written here because autocannon's rate limit sends each second's requests in one burst and fills in its
 * corrections at 1 ms intervals, which measures the burst rather than the pace.
 */
export async function pacedReaders(url: string, headers: Record<string, string>, readers: number, requestsPerReader: number, seconds: number, warmUpSeconds: number): Promise<PacedLatencies> {
  const agent = new Agent({ keepAlive: true, maxSockets: readers });
  const interval = 1000 / requestsPerReader;
  const started = nowMs();
  // Not counted: the readers' connections being opened, and the service's pools refilled after an idle spell.
  const measuredFrom = started + warmUpSeconds * 1000;
  const ends = measuredFrom + seconds * 1000;
  const latencies: number[] = [];
  try {
    await Promise.all(
      Array.from({ length: readers }, async (_, reader) => {
        // Readers start spread over one interval, so that they do not all ask in the same millisecond.
        for (let due = started + (reader * interval) / readers; due < ends; due += interval) {
          const wait = due - nowMs();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          // A timer may fire a little early; a request sent early is timed from when it was sent.
          const from = Math.min(due, nowMs());
          await answered(url, headers, agent);
          if (due >= measuredFrom) latencies.push(nowMs() - from);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), answers: latencies.length };
}

function answered(url: string, headers: Record<string, string>, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url}: answered ${response.statusCode}`));
      response.resume();
      response.on('end', resolve);
      response.on('error', reject);
    }).on('error', reject);
  });
}
