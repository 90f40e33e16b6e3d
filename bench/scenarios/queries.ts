import { get } from 'node:http';
import autocannon from 'autocannon';
import { BenchEnvironment } from '../environment';
import { Figure, figure } from '../measure';
import { startServices, WARM_UP_SECONDS } from '../services';
import { withBareHttpServer } from './bare-http-floor';
import { pacedReaders } from '../paced-readers';

const READERS = 50;
/** Each reader's pace in the paced measurement: 50 readers at 20 requests/s each are 1,000 requests/s together. */
const PACED_REQUESTS_PER_READER = 20;

/** What one load measured: latencies in ms, and answers per second where the readers were not paced. */
interface Latencies {
  readonly p50: number;
  readonly p99: number;
  readonly throughput?: number;
}

/** A load's figures against the health endpoint's under the same load, with the p99 target where there is one. */
function latencyFigures(scenario: string, measured: Latencies, floor: Latencies, floorName: (p: string) => string, p99Target?: number): Figure[] {
  const against = (p: 'p50' | 'p99' | 'throughput') => ({ name: floorName(p), value: floor[p] ?? NaN });
  const target = p99Target === undefined ? undefined : (_: unknown, v: number) => ({ text: `p99 ≤ ${p99Target} ms`, met: v <= p99Target });
  return [
    figure(scenario, 'p50 latency', 'ms', measured.p50, against('p50')),
    figure(scenario, 'p99 latency', 'ms', measured.p99, against('p99'), target),
    ...(measured.throughput === undefined ? [] : [figure(scenario, 'throughput', 'requests/s', measured.throughput, against('throughput'))]),
  ];
}

/**
 * 6. Queries under 50 concurrent readers: a city summary (Hà Nội), a district summary and an audit query (one
 * ward, one year), with the read models holding five years of every ward of Hà Nội and Đà Nẵng.
 *
 * Measured twice. Saturated: every reader asks again the moment it has an answer, so the service is the
 * bottleneck and latency is mostly queueing (by Little's law, 50 readers at p50 10 ms need 5,000 answers/s).
 * Paced: every reader asks 20 times a second, far more than a dashboard does, and latency is the answer's own
 * time plus whatever the machine adds, counted from when each request was due (bench/paced-readers.ts).
 */
export async function queriesScenario(environment: BenchEnvironment, databaseUrl: string, seconds: number, sample: { district: string; ward: string; year: number }): Promise<Figure[]> {
  const services = await startServices(environment, databaseUrl, ['query-api'], 'bench-queries.');
  try {
    const paths: [string, string, number][] = [
      ['city summary (Hà Nội)', `/v1/summaries/cities/01?year=${sample.year}`, 10],
      [`district summary (${sample.district})`, `/v1/summaries/districts/${sample.district}?year=${sample.year}`, 10],
      [`audit query (ward ${sample.ward}, ${sample.year})`, `/v1/audit/events?unitCode=${sample.ward}&occurredFrom=${sample.year}-01-01&occurredTo=${sample.year}-12-31&limit=100`, 50],
    ];
    // Readers accept gzip, as browsers and dashboards' HTTP clients do (ADR 0018).
    const headers = { authorization: `Bearer ${services.token}`, 'accept-encoding': 'gzip' };
    const load = async (name: string, path: string, url = `${services.urls['query-api']}${path}`): Promise<Latencies> => {
      const options = { url, connections: READERS, headers };
      await autocannon({ ...options, duration: WARM_UP_SECONDS });
      const result = await autocannon({ ...options, duration: seconds });
      if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return { p50: result.latency.p50, p99: result.latency.p99, throughput: result.requests.average };
    };
    // The floor of this machine under the same load: the lightest request the service answers (HTTP, one
    // SELECT 1), so that the summaries' figures can be read against what the framework alone costs here.
    const floor = await load('health', '/health');
    const floorName = (p: string) => `health endpoint ${p} (HTTP and SELECT 1, same load)`;
    const figures: Figure[] = [];
    for (const [name, path, p99Target] of paths) {
      figures.push(...latencyFigures(`queries, ${READERS} readers: ${name}`, await load(name, path), floor, floorName, p99Target));
    }
    // Below the service: each answer's own bytes, as sent, from a bare Node HTTP server under the same load. The
    // audit page (a hundred events, about 125 kB, 16 kB gzipped) is the heaviest: its floor says what any service
    // could do with it here.
    for (const [label, path] of [['city answer', paths[0][1]], ['audit page', paths[2][1]]]) {
      const sent = await bytesOnTheWire(`${services.urls['query-api']}${path}`, headers);
      const bare = await withBareHttpServer(sent.body, sent.contentEncoding, (url) => load(`bare Node HTTP (${label})`, '/', url));
      const size = `${Math.round(sent.body.length / 1000)} kB${sent.contentEncoding ? ` ${sent.contentEncoding}` : ''}`;
      const bareName = `bare Node HTTP server, same bytes as the ${label} (${size}), same load (the machine floor)`;
      figures.push(...latencyFigures(`queries, ${READERS} readers: ${bareName}`, bare, floor, floorName));
    }
    // The same readers at a pace the machine keeps up with, against the health endpoint at the same pace.
    const pace = PACED_REQUESTS_PER_READER;
    const paced = (path: string) => pacedReaders(`${services.urls['query-api']}${path}`, headers, READERS, pace, seconds, WARM_UP_SECONDS);
    const pacedName = `queries, ${READERS} readers at ${pace} requests/s each (${READERS * pace}/s together)`;
    const pacedFloor = await paced('/health');
    const pacedFloorName = (p: string) => `health endpoint ${p} (HTTP and SELECT 1, same pace)`;
    for (const [name, path, p99Target] of paths) {
      figures.push(...latencyFigures(`${pacedName}: ${name}`, await paced(path), pacedFloor, pacedFloorName, p99Target));
    }
    return figures;
  } finally {
    await services.stop();
  }
}

/** An answer's body as sent, undecoded, and how it was encoded. */
function bytesOnTheWire(url: string, headers: Record<string, string>): Promise<{ body: Buffer; contentEncoding?: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url}: answered ${response.statusCode}`));
        else resolve({ body: Buffer.concat(chunks), contentEncoding: response.headers['content-encoding'] });
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}
