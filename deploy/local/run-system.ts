import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '../../libs/schema/src';
import { provisionKafka } from './kafka';
import { jsonLogger, logger } from './log';
import { ensureDatabase, provisionPostgres } from './postgres';
import { runDir, authEnvironment, anchorCheckEnvironment, anchorEnvironment, ensureAnchorKey, ensureMasterKeyFile, personalDataEnvironment, ensureSigningKey, mintToken, buildServices, RunningService, SERVICE_NAMES, ServiceName, startService } from '../../libs/local-run/src';
import { loadRegistry } from './registry';
import { loadDemoData } from '../demo/load-demo-data';
import { Supervisor } from './supervisor';

const PORTS: Record<ServiceName, number> = { 'records-api': 3000, 'query-api': 3001, 'event-relay': 3002, projector: 3003 };
const log = logger('start');

/**
 * `npm start`: provisions Postgres and Kafka, migrates, builds and starts the four services, prints where to
 * look, and on Ctrl-C stops everything in reverse order.
 */
async function main(): Promise<void> {
  mkdirSync(runDir, { recursive: true });
  const postgres = await provisionPostgres(logger('postgres'));
  const kafka = await provisionKafka(logger('kafka'), { stateDir: join(runDir, 'kafka'), brokerPort: 9092, controllerPort: 9093 });
  let supervisor: Supervisor<RunningService> | undefined;
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services, then Kafka and Postgres');
    await supervisor?.stop();
    await kafka.stop();
    await postgres.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.CIVIC_DATABASE ?? 'civic_records');
    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `migrated: ${applied.join(', ')}` : 'schema is up to date');
    await loadRegistry(databaseUrl, logger('registry'));
    log('building services');
    await buildServices();
    // Tokens are verified against this machine's development key, generated on the first start.
    const signingKey = ensureSigningKey(join(runDir, 'auth'), 'civic-records-dev', 'civic-records');
    // The relay signs the log's anchors with this machine's anchor key, into a file to ship elsewhere (ADR 0058).
    const anchorKey = ensureAnchorKey(join(runDir, 'anchors'));
    const anchors = anchorEnvironment(anchorKey, join(runDir, 'anchors', 'anchors.jsonl'));
    // Names are sealed under keys this machine's master key wraps (docs/adr/0059); losing it loses every name.
    const personalData = personalDataEnvironment(ensureMasterKeyFile(join(runDir, 'personal-data', 'master-key')));
    // A service that exits is started again, waiting longer after each restart in a row; one that flaps never
    // takes the others, Kafka or Postgres down with it (deploy/local/supervisor.ts).
    supervisor = new Supervisor<RunningService>(
      (name) =>
        startService(
          name as ServiceName,
          PORTS[name as ServiceName],
          { databaseUrl, kafkaBrokers: kafka.brokers, extra: { ...authEnvironment(signingKey), ...(name === 'event-relay' ? anchors : personalData), ...(name === 'query-api' ? anchorCheckEnvironment(anchorKey) : {}) } },
          { logFile: join(runDir, `${name}.log`), onOutput: (line) => process.stdout.write(`[${name}] ${line}\n`) },
        ),
      { log: jsonLogger('supervisor') },
    );
    for (const name of SERVICE_NAMES) await supervisor.start(name);
    const demoToken = await mintToken(signingKey, { subject: 'demo-data-loader', roles: ['administrator'], units: [], expiresIn: '10m' });
    const demo = await loadDemoData({ recordsApi: `http://127.0.0.1:${PORTS['records-api']}`, queryApi: `http://127.0.0.1:${PORTS['query-api']}` }, demoToken);
    log(`demo data from the seed articles: ${demo.recorded} facts recorded (already recorded ones are answered, not appended), ${demo.withdrawn} records of earlier loads withdrawn as made in error`);
    for (const failure of demo.failures) log(`demo fact ${failure.key} refused (${failure.status}): ${failure.detail}`);
    printWhereToLook(databaseUrl, kafka.brokers, anchors.ANCHOR_FILE, anchorKey.publicKeyFile);
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stopAll(1);
  }
}

function printWhereToLook(databaseUrl: string, brokers: readonly string[], anchorFile: string, anchorPublicKey: string): void {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  process.stdout.write(`
civic-records is running. Ctrl-C stops everything.

  Dashboard     http://127.0.0.1:${PORTS['query-api']}/dashboard/   sign in with a token: npm run --silent cli -- token --role city-officer --unit 01
  records-api   http://127.0.0.1:${PORTS['records-api']}   POST /v1/meetings, /v1/commendations, /v1/commendation-proposals, /v1/emulation-movements
  query-api     http://127.0.0.1:${PORTS['query-api']}   GET  /v1/summaries/{wards|districts|cities}/{code}?year=YYYY
                                          GET  /v1/summaries/{…}/{code}/series?year=YYYY&interval=month, ?breakdown=children
                                          GET  /v1/units/{code}?asOf=YYYY-MM-DD, /v1/units?name=...
                                          GET  /v1/meetings/{id}, /v1/commendations/{id}, /v1/emulation-movements/{id}
                                          GET  /v1/commendation-proposals?unitCode=&status=, /v1/commendation-proposals/{id}
                                          GET  /v1/audit/events, /v1/audit/streams/{id}[/verify]
  Tokens        npm run cli -- token --role ward-clerk --unit 00295     (roles: ward-clerk, district-officer,
                city-officer, auditor, integration-reader, administrator; send as Authorization: Bearer …)
  API documents http://127.0.0.1:${PORTS['records-api']}/docs   http://127.0.0.1:${PORTS['query-api']}/docs   (OpenAPI 3.1)
  event-relay   http://127.0.0.1:${PORTS['event-relay']}/health/ready   ready or not and why: role, log head, checkpoint, held back
  projector     http://127.0.0.1:${PORTS.projector}/health/ready   ready or not and why: lag per partition
  Health        /health/live and /health/ready on every service; the supervisor restarts a service that exits
  Postgres      ${url.toString()}
  Kafka         ${brokers.join(',')}   topics civic.meetings.v1, civic.commendations.v1, civic.award-reservations.v1,
                civic.commendation-proposals.v1, civic.emulation-movements.v1, civic.admin-units.v1; signed anchors on civic.log-anchors.v1
  Anchors       ${anchorFile}   the log's signed checkpoints, every minute; check the log against them:
                npm run cli -- verify --anchors ${anchorFile} --anchor-key ${anchorPublicKey}
  Logs          ${runDir}/*.log

`);
}

main().catch((error: Error) => {
  log(error.stack ?? error.message);
  process.exit(1);
});
