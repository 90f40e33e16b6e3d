import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { KAFKA_VERSION } from '../../deploy/local/kafka';

const repoRoot = resolve(__dirname, '..', '..');

/** There is no Docker engine on development and CI machines, so the compose file is validated, not run. */
function compose(...args: string[]) {
  const result = spawnSync('docker-compose', ['--file', 'docker-compose.yml', ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw new Error(`docker-compose could not run (npm test installs it): ${result.error.message}`);
  return result;
}

describe('docker-compose.yml', () => {
  it('is a valid compose file', () => {
    const result = compose('config', '--quiet');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Postgres, Kafka, the migrations and the four services', () => {
    const services = compose('config', '--services').stdout.trim().split('\n').sort();
    expect(services).toEqual(['event-relay', 'kafka', 'migrate', 'postgres', 'projector', 'query-api', 'records-api']);
  });

  it('uses the official Apache Kafka image at the version the local broker runs', () => {
    const config = compose('config').stdout;
    expect(config).toContain(`image: apache/kafka:${KAFKA_VERSION}`);
  });
});
