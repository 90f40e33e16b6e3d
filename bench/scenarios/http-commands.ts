import autocannon from 'autocannon';
import { BenchEnvironment } from '../environment';
import { Figure, figure } from '../measure';
import { processCpuMicros } from '../process-cpu';
import { startServices, WARM_UP_SECONDS } from '../services';
import { meetingRequest, officialWards, WardPicker } from '../workload';

/**
 * 2. Commands over HTTP: valid POST /v1/meetings at 32 connections (autocannon), spread over the wards of the
 * official list, against the library's append rate at 8 writers measured in the same run.
 */
export async function httpCommandsScenario(environment: BenchEnvironment, seconds: number, libraryAppendRate: number): Promise<Figure[]> {
  const { url } = await environment.database('http', { withRegistry: true });
  const services = await startServices(environment, url, ['records-api'], 'bench-http.');
  const picker = new WardPicker(officialWards());
  const bodies = Array.from({ length: 2000 }, (_, i) => JSON.stringify(meetingRequest(picker.next(), 2022 + (i % 3), i)));
  let next = 0;
  const load = (duration: number) =>
    autocannon({
      url: `${services.urls['records-api']}/v1/meetings`,
      connections: 32,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${services.token}` },
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
  try {
    // A fresh process compiles its hot paths during the first seconds: warmed up before it is measured.
    await load(WARM_UP_SECONDS);
    const pid = services.pids['records-api'];
    const cpuBefore = processCpuMicros(pid);
    const result = await load(seconds);
    const cpuPerCommand = (processCpuMicros(pid) - cpuBefore) / result.requests.total;
    if (result.non2xx || result.errors) throw new Error(`commands: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return [
      figure('HTTP commands, 32 connections', 'requests/s vs library append (8 writers)', 'requests/s', result.requests.average, { name: 'library append, 8 writers', value: libraryAppendRate }, (r) => ({ text: '≥ 0.5 × library append', met: (r ?? 0) >= 0.5 })),
      figure('HTTP commands, 32 connections', 'p50 latency', 'ms', result.latency.p50),
      figure('HTTP commands, 32 connections', 'p99 latency', 'ms', result.latency.p99),
      // The steadier measure of records-api's own cost: its rate moves with the machine, its work per command less.
      figure('HTTP commands, 32 connections', 'records-api CPU per command', 'µs', cpuPerCommand),
    ];
  } finally {
    await services.stop();
  }
}
