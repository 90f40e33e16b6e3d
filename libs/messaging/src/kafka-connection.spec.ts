import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaSecurityFromEnv, topicSettingsFromEnv } from './kafka-connection';

describe('Kafka connection and topics from the environment', () => {
  it('connects in plain text, without SASL, when nothing is asked (a local broker)', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
  });

  it('uses TLS trusting the given certificates, with a client certificate, and SASL with the given mechanism', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-tls-'));
    for (const name of ['ca', 'cert', 'key']) writeFileSync(join(dir, `${name}.pem`), `${name} pem`);
    const security = kafkaSecurityFromEnv({
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: join(dir, 'ca.pem'),
      KAFKA_TLS_CERT_FILE: join(dir, 'cert.pem'),
      KAFKA_TLS_KEY_FILE: join(dir, 'key.pem'),
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'civic-relay',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(security).toEqual({
      ssl: { rejectUnauthorized: true, ca: 'ca pem', cert: 'cert pem', key: 'key pem' },
      sasl: { mechanism: 'scram-sha-512', username: 'civic-relay', password: 'secret' },
    });
  });

  it('creates topics with three partitions and one replica unless told otherwise', () => {
    expect(topicSettingsFromEnv({})).toEqual({ partitions: 3, replicationFactor: 1 });
    expect(topicSettingsFromEnv({ KAFKA_TOPIC_PARTITIONS: '6', KAFKA_TOPIC_REPLICATION_FACTOR: '3', KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '2' })).toEqual({ partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 });
  });
});
