import { readFileSync } from 'node:fs';
import { KafkaConfig, SASLOptions } from 'kafkajs';

/**
 * How the services reach Kafka beyond its address, from the environment (validated at start by the services'
 * schemas): TLS when KAFKA_TLS=true, trusting KAFKA_TLS_CA_FILE's certificates (else the system's), presenting
 * KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE when the cluster asks for client certificates; SASL with
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. Neither by default (a local broker).
 */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const read = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
  const tls = env.KAFKA_TLS === 'true';
  const ssl = tls ? { rejectUnauthorized: true, ca: read(env.KAFKA_TLS_CA_FILE), cert: read(env.KAFKA_TLS_CERT_FILE), key: read(env.KAFKA_TLS_KEY_FILE) } : undefined;
  const mechanism = env.KAFKA_SASL_MECHANISM as 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  if (!mechanism) return { ...(ssl ? { ssl } : {}) };
  const sasl = { mechanism, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' } as SASLOptions;
  return { ...(ssl ? { ssl } : {}), sasl };
}

/** How the contract topics are created: partitions, replicas, and the replicas that must have each write. */
export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  /** min.insync.replicas; with acks=all a write waits for this many replicas. Unset: the broker's default. */
  readonly minInsyncReplicas?: number;
}

/**
 * KAFKA_TOPIC_PARTITIONS (3: at least as many as the projectors sharing them), KAFKA_TOPIC_REPLICATION_FACTOR (1, a
 * single local broker; 3 in a cluster) and KAFKA_TOPIC_MIN_INSYNC_REPLICAS (2 with 3 replicas).
 */
export function topicSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TopicSettings {
  const minInsync = env.KAFKA_TOPIC_MIN_INSYNC_REPLICAS;
  return {
    partitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 3),
    replicationFactor: Number(env.KAFKA_TOPIC_REPLICATION_FACTOR ?? 1),
    ...(minInsync ? { minInsyncReplicas: Number(minInsync) } : {}),
  };
}
