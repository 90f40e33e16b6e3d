import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { KAFKA_VERSION } from '../../deploy/local/kafka';
import { SERVICE_NAMES, SERVICE_V8_FLAGS } from '@civic/local-run';

const repoRoot = resolve(__dirname, '..', '..');

/** There is no Docker engine on development and CI machines, so the compose file is validated, not run. */
function compose(...args: string[]) {
  const result = spawnSync('docker-compose', ['--file', 'docker-compose.yml', ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw new Error(`docker-compose could not run (npm test installs it): ${result.error.message}`);
  return result;
}

/** A service's block in `docker-compose config`'s normalized YAML. */
function blockOf(config: string, service: string): string {
  const lines = config.split('\n');
  const start = lines.indexOf(`  ${service}:`);
  if (start < 0) throw new Error(`docker-compose config has no service ${service}`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** A service's environment in `docker-compose config`'s normalized YAML (this docker-compose has no JSON output). */
function environmentOf(config: string, service: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.indexOf(`  ${service}:`);
  if (start < 0) throw new Error(`docker-compose config has no service ${service}`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  const block = lines.slice(start + 1, end < 0 ? undefined : end);
  const from = block.indexOf('    environment:');
  const environment: Record<string, string> = {};
  for (const line of from < 0 ? [] : block.slice(from + 1)) {
    const entry = /^ {6}(\w+): (.*)$/.exec(line);
    if (!entry) break;
    environment[entry[1]] = entry[2].replace(/^'(.*)'$/, '$1');
  }
  return environment;
}

describe('docker-compose.yml', () => {
  it('is a valid compose file', () => {
    const result = compose('config', '--quiet');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Postgres, Kafka, the migrations, the keys and the four services', () => {
    const services = compose('config', '--services').stdout.trim().split('\n').sort();
    expect(services).toEqual(['event-relay', 'kafka', 'keys', 'migrate', 'postgres', 'projector', 'query-api', 'records-api', 'registry']);
  });

  it('gives the relay the anchor key the key job made, read-only, and a volume for the anchor file; the others the master key of names', () => {
    const config = compose('config').stdout;
    const keys = blockOf(config, 'keys').replace(/\s+/g, ' ');
    expect(keys).toContain('anchors keygen /var/lib/civic/anchor-key');
    expect(keys).toContain('personal-data master-key /var/lib/civic/personal-data/master-key');
    const relay = blockOf(config, 'event-relay');
    expect(relay).toMatch(/keys:\n\s+condition: service_completed_successfully/);
    for (const name of ['records-api', 'query-api', 'projector']) {
      expect({ name, key: environmentOf(config, name).PERSONAL_DATA_MASTER_KEY_FILE }).toEqual({ name, key: '/var/lib/civic/personal-data/master-key' });
      expect({ name, waits: /keys:\n\s+condition: service_completed_successfully/.test(blockOf(config, name)) }).toEqual({ name, waits: true });
    }
    expect(environmentOf(config, 'event-relay').PERSONAL_DATA_MASTER_KEY_FILE).toBeUndefined();
    expect(environmentOf(config, 'event-relay')).toMatchObject({
      ANCHOR_SIGNING_KEY_FILE: '/var/lib/civic/anchor-key/anchor-signing-key.pem',
      ANCHOR_FILE: '/var/lib/civic/anchors/anchors.jsonl',
    });
    expect(relay).toMatch(/source: anchor-key\n\s+target: \/var\/lib\/civic\/anchor-key\n\s+read_only: true|anchor-key:\/var\/lib\/civic\/anchor-key:ro/);
  });

  it('loads the unit registry from the official lists, mounted read-only, before any service starts', () => {
    const config = compose('config').stdout;
    const block = blockOf(config, 'registry');
    expect(block).toMatch(/- units\n\s+- load-official/);
    expect(environmentOf(config, 'registry').CIVIC_ADMIN_UNITS_DIR).toBe('/data/admin-units');
    expect(block).toMatch(/target: \/data\/admin-units\n\s+read_only: true|:\/data\/admin-units:ro/);
    expect(blockOf(config, 'migrate')).toContain('- migrate');
    for (const name of SERVICE_NAMES) expect({ name, dependsOnRegistry: /registry:\n\s+condition: service_completed_successfully/.test(blockOf(config, name)) }).toEqual({ name, dependsOnRegistry: true });
  });

  it('uses the official Apache Kafka image at the version the local broker runs', () => {
    const config = compose('config').stdout;
    expect(config).toContain(`image: apache/kafka:${KAFKA_VERSION}`);
  });

  it('runs each service with the V8 flags it runs with locally, and Node accepts them in NODE_OPTIONS', () => {
    const config = compose('config').stdout;
    for (const name of SERVICE_NAMES) {
      const flags = SERVICE_V8_FLAGS[name].join(' ');
      expect({ name, nodeOptions: environmentOf(config, name).NODE_OPTIONS ?? '' }).toEqual({ name, nodeOptions: flags });
      const node = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: flags }, encoding: 'utf8' });
      expect({ name, status: node.status, stderr: node.stderr }).toEqual({ name, status: 0, stderr: '' });
    }
  });
});
