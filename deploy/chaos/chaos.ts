import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { retryingOnConnectionLoss } from '../../libs/testing/src/retrying';
import { freePort, authEnvironment, SigningKey, RunningService, SERVICE_NAMES, ServiceName, startService, waitUntil } from '../../libs/local-run/src';
import { KafkaBroker, startLocalBroker } from '../local/kafka';
import { Log } from '../local/log';
import { Supervisor } from '../local/supervisor';

/** How much of each fault to inject. */
export interface ChaosPlan {
  /** SIGKILLs of each service, one service at a time. */
  readonly killsPerService: number;
  /** Pauses of the broker (SIGSTOP, then SIGCONT after pauseMs). */
  readonly brokerPauses: number;
  readonly pauseMs: number;
  /** Stops and starts of the broker, on its own data. */
  readonly brokerRestarts: number;
  /** Rounds of pg_terminate_backend on every connection of the services. */
  readonly connectionRounds: number;
  /** Commands in flight at once. */
  readonly writers: number;
  /** How long the system may take to be ready again once the faults stop. */
  readonly recoveryLimitMs: number;
}

export const FULL_PLAN: ChaosPlan = { killsPerService: 3, brokerPauses: 2, pauseMs: 10_000, brokerRestarts: 1, connectionRounds: 5, writers: 4, recoveryLimitMs: 120_000 };
export const QUICK_PLAN: ChaosPlan = { killsPerService: 1, brokerPauses: 1, pauseMs: 4_000, brokerRestarts: 1, connectionRounds: 2, writers: 2, recoveryLimitMs: 120_000 };

export interface ChaosReport {
  readonly faults: Record<string, number>;
  readonly acknowledged: number;
  /** Acknowledged commands missing from the log. */
  readonly lost: number;
  /** Acknowledged commands logged more than once. */
  readonly duplicated: number;
  /** Acknowledged commands never seen on Kafka. */
  readonly unpublished: number;
  /** Acknowledged meetings not in the read models once, and whether the ward's figure equals the log's. */
  readonly miscounted: number;
  readonly summaryEqualsLog: boolean;
  /** Services that were not running at the end (the supervisor gave up, or could not start them). */
  readonly notRunning: readonly string[];
  readonly recoveryMs: number;
}

const WARD = '00295';
const YEAR = 2021;

/**
 * The whole system (the four services under the supervisor `npm start` uses, on a Kafka broker of its own) under a
 * keyed command load, while faults are injected one after another: services killed, the broker paused and
 * restarted, the services' database connections terminated. Then it waits for every service to be ready and
 * checks what was promised: every acknowledged command in the log once, on Kafka at least once, counted once in
 * the read models, and no process given up on.
 */
/** Where the system under chaos keeps its records, and how its callers are trusted. */
export interface ChaosSetting {
  readonly databaseUrl: string;
  /** The key the services trust, and an administrator's token signed with it. */
  readonly signingKey: SigningKey;
  readonly token: string;
}

export async function runChaos(plan: ChaosPlan, { databaseUrl, signingKey, token }: ChaosSetting, log: Log): Promise<ChaosReport> {
  const stateDir = mkdtempSync(join(tmpdir(), 'civic-chaos-'));
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  const startBroker = () => startLocalBroker(log, { stateDir: join(stateDir, 'kafka'), brokerPort, controllerPort });
  let broker: KafkaBroker = await startBroker();
  const ports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
  const environment = { ...authEnvironment(signingKey), RELAY_STANDBY_RETRY_MS: '500', RELAY_MAX_RETRY_MS: '4000', RELAY_POLL_INTERVAL_MS: '200', READINESS_STALL_SECONDS: '20', THROTTLE_LIMIT_PER_MINUTE: '1000000' };
  const supervisor = new Supervisor<RunningService>(
    (name) => startService(name as ServiceName, ports[name as ServiceName], { databaseUrl, kafkaBrokers: broker.brokers, extra: environment }),
    { log, firstBackoffMs: 500, maxBackoffMs: 5_000 },
  );
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const faults: Record<string, number> = {};
  const count = (fault: string) => (faults[fault] = (faults[fault] ?? 0) + 1);
  try {
    for (const name of SERVICE_NAMES) await supervisor.start(name);
    const acknowledged = new Set<string>();
    let loading = true;
    const writer = async () => {
      while (loading) {
        const key = randomUUID();
        const body = JSON.stringify({ unitCode: WARD, kind: 'GIAO_BAN', title: `Giao ban ${key.slice(0, 8)}`, heldOn: `${YEAR}-03-01`, convenedBy: [{ body: 'UBND', unitCode: WARD }] });
        // As a client should: the same command with the same key until it is acknowledged, however the system fails.
        for (;;) {
          const answer = await fetch(`http://127.0.0.1:${ports['records-api']}/v1/meetings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body,
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { streamId?: string } }), () => undefined);
          if (answer?.status === 201 && answer.body.streamId) {
            acknowledged.add(answer.body.streamId);
            break;
          }
          if (answer && answer.status < 500 && answer.status !== 429) throw new Error(`a command was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    };
    const writers = Promise.all(Array.from({ length: plan.writers }, writer));
    const settle = async (ms: number) => {
      const before = acknowledged.size;
      await new Promise((resolve) => setTimeout(resolve, ms));
      await waitUntil('commands acknowledged again', async () => acknowledged.size > before, { timeoutMs: 120_000 });
    };

    await settle(2_000);
    for (let round = 0; round < plan.killsPerService; round += 1) {
      for (const name of SERVICE_NAMES) {
        log(`fault: SIGKILL ${name}`);
        await supervisor.running().find((service) => service.name === name)?.kill();
        count(`SIGKILL ${name}`);
        await settle(2_000);
      }
    }
    for (let round = 0; round < plan.brokerPauses; round += 1) {
      log(`fault: broker paused for ${plan.pauseMs} ms`);
      broker.signal('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, plan.pauseMs));
      broker.signal('SIGCONT');
      count('broker paused');
      await settle(2_000);
    }
    for (let round = 0; round < plan.brokerRestarts; round += 1) {
      log('fault: broker stopped and started');
      await broker.stop();
      broker = await startBroker();
      count('broker restarted');
      await settle(2_000);
    }
    for (let round = 0; round < plan.connectionRounds; round += 1) {
      log('fault: every database connection of the services terminated');
      await retryingOnConnectionLoss(() => pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`));
      count('database connections terminated');
      await settle(1_000);
    }
    loading = false;
    await writers;

    const recoveryStarted = Date.now();
    for (const name of SERVICE_NAMES) {
      // Not ready: the answer says why, and a timeout reports the last one.
      await waitUntil(`${name} ready`, async () => {
        const answer = await fetch(`http://127.0.0.1:${ports[name]}/health/ready`);
        if (answer.status !== 200) throw new Error(`${answer.status} ${await answer.text()}`);
        return true;
      }, { timeoutMs: plan.recoveryLimitMs });
    }
    const ids = [...acknowledged];
    await waitUntil('the read models to hold every acknowledged meeting', async () => (await countedOnce(pool, ids)) === ids.length, { timeoutMs: plan.recoveryLimitMs });
    const recoveryMs = Date.now() - recoveryStarted;

    const logged = await retryingOnConnectionLoss(() =>
      pool.query<{ stream_id: string; n: number }>(`SELECT stream_id, count(*)::int AS n FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`, [ids]),
    );
    const published = await readTopic(broker.brokers, 'civic.meetings.v1', ids.length);
    const summaryEqualsLog = await wardFigureEqualsLog(pool);
    return {
      faults,
      acknowledged: ids.length,
      lost: ids.length - logged.rows.length,
      duplicated: logged.rows.filter((row) => row.n > 1).length,
      unpublished: ids.filter((id) => !published.has(id)).length,
      miscounted: ids.length - (await countedOnce(pool, ids)),
      summaryEqualsLog,
      notRunning: SERVICE_NAMES.filter((name) => !supervisor.running().some((service) => service.name === name)),
      recoveryMs,
    };
  } finally {
    await supervisor.stop();
    await pool.end();
    await broker.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function countedOnce(pool: Pool, streamIds: readonly string[]): Promise<number> {
  const { rows } = await retryingOnConnectionLoss(() =>
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_meetings WHERE meeting_id::text = ANY($1)', [streamIds.map((id) => id.replace(/^meeting-/, ''))]),
  );
  return rows[0].n;
}

/** The ward's meeting count in its summary read model against the meetings of the log. */
async function wardFigureEqualsLog(pool: Pool): Promise<boolean> {
  const { rows } = await retryingOnConnectionLoss(() =>
    pool.query<{ modelled: number; logged: number }>(
      `SELECT (SELECT count(*)::int FROM rm_meetings WHERE unit_code = $1 AND year = $2) AS modelled,
              (SELECT count(DISTINCT stream_id)::int FROM events WHERE event_type = 'MeetingHeld' AND unit_code = $1 AND occurred_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS logged`,
      [WARD, YEAR],
    ),
  );
  return rows[0].modelled === rows[0].logged;
}

/** The stream ids of every message on a topic, read from the beginning by a consumer of its own. */
async function readTopic(brokers: readonly string[], topic: string, atLeast: number): Promise<Set<string>> {
  const kafka = new Kafka({ clientId: 'chaos-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `chaos-${randomUUID()}` });
  const seen = new Set<string>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.key?.toString() ?? '') });
    await waitUntil(`${atLeast} records on ${topic}`, async () => seen.size >= atLeast, { timeoutMs: 60_000 }).catch(() => undefined);
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

/** Whether a report keeps every promise the chaos suite checks. */
export function keptPromises(report: ChaosReport): boolean {
  return report.lost === 0 && report.duplicated === 0 && report.unpublished === 0 && report.miscounted === 0 && report.summaryEqualsLog && report.notRunning.length === 0;
}

/** The report as a table, for a person. */
export function chaosTable(report: ChaosReport): string {
  const rows: [string, string][] = [
    ...Object.entries(report.faults).map(([fault, n]): [string, string] => [`fault: ${fault}`, String(n)]),
    ['commands acknowledged', String(report.acknowledged)],
    ['lost (not in the log)', String(report.lost)],
    ['logged twice', String(report.duplicated)],
    ['never on Kafka', String(report.unpublished)],
    ['not counted once in the read models', String(report.miscounted)],
    ['ward summary equals the log', report.summaryEqualsLog ? 'yes' : 'NO'],
    ['services not running at the end', report.notRunning.join(', ') || 'none'],
    ['time to be ready again', `${(report.recoveryMs / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}
