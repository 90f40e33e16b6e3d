import { ApiEnvironment, KafkaServiceEnvironment } from './environment';
import { checkConfig, ConfigurationInvalid } from './check-config';

const AUTH = { AUTH_ISSUER: 'civic-records-dev', AUTH_AUDIENCE: 'civic-records', AUTH_JWKS_FILE: '/tmp/jwks.json' };

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationInvalid) return [...error.problems];
    throw error;
  }
  return [];
}

describe(checkConfig.name, () => {
  it('accepts the settings npm start gives, and none of the optional ones', () => {
    expect(problemsOf(() => checkConfig(ApiEnvironment, { ...AUTH, PORT: '3001', HOST: '0.0.0.0', DATABASE_URL: 'postgres://postgres@localhost/civic?host=/var/run/postgresql' }))).toEqual([]);
    expect(problemsOf(() => checkConfig(KafkaServiceEnvironment, {}))).toEqual([]);
  });

  it('reports every wrong or missing variable at once, by name, with the value given', () => {
    const problems = problemsOf(() => checkConfig(ApiEnvironment, { PORT: 'abc', THROTTLE_LIMIT_PER_MINUTE: 'abc', CORS_ORIGINS: 'dashboard.example', DATABASE_URL: 'mysql://x' }));
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AUTH_AUDIENCE', 'AUTH_ISSUER', 'AUTH_JWKS_URL', 'CORS_ORIGINS', 'DATABASE_URL', 'PORT', 'THROTTLE_LIMIT_PER_MINUTE']);
    expect(problems).toContain('PORT: must be a port number from 1 to 65535 (given: "abc")');
    expect(problems).toContain('THROTTLE_LIMIT_PER_MINUTE: must be a whole number (given: "abc")');
    expect(problems.find((p) => p.startsWith('AUTH_ISSUER'))).toMatch(/\(not set\)$/);
    expect(problems.find((p) => p.startsWith('CORS_ORIGINS'))).toContain('CORS_ORIGINS must list origins');
  });

  it('refuses numbers out of range and brokers that are not host:port', () => {
    const problems = problemsOf(() => checkConfig(KafkaServiceEnvironment, { KAFKA_TOPIC_PARTITIONS: '0', KAFKA_BROKERS: 'localhost', READINESS_STALL_SECONDS: '-1' }));
    expect(problems.sort()).toEqual([
      'KAFKA_BROKERS: must list brokers as host:port, separated by commas (given: "localhost")',
      'KAFKA_TOPIC_PARTITIONS: must be at least 1 (given: "0")',
      'READINESS_STALL_SECONDS: must be a positive number of seconds (given: "-1")',
    ]);
  });

  it('checks the Kafka topics’ replication and the connection’s TLS and SASL settings together', () => {
    const problems = problemsOf(() =>
      checkConfig(KafkaServiceEnvironment, {
        KAFKA_TOPIC_REPLICATION_FACTOR: '2',
        KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '3',
        KAFKA_TLS: 'yes',
        KAFKA_TLS_CA_FILE: '/no/such/ca.pem',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
      }),
    );
    expect(problems.sort()).toEqual([
      'KAFKA_SASL_PASSWORD: must be given with KAFKA_SASL_MECHANISM (not set)',
      'KAFKA_SASL_USERNAME: must be given with KAFKA_SASL_MECHANISM (not set)',
      'KAFKA_TLS: must be true or false (given: "yes")',
      'KAFKA_TLS_CA_FILE: must name a readable file (given: "/no/such/ca.pem")',
      'KAFKA_TOPIC_MIN_INSYNC_REPLICAS: must not exceed KAFKA_TOPIC_REPLICATION_FACTOR (given: "3")',
    ]);
    expect(() =>
      checkConfig(KafkaServiceEnvironment, { KAFKA_TOPIC_REPLICATION_FACTOR: '3', KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '2', KAFKA_TLS: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'civic', KAFKA_SASL_PASSWORD: 's' }),
    ).not.toThrow();
  });

  it('gives the numbers as numbers', () => {
    expect(checkConfig(ApiEnvironment, { ...AUTH, THROTTLE_LIMIT_PER_MINUTE: '600' }).THROTTLE_LIMIT_PER_MINUTE).toBe(600);
  });
});
