import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { IsOptional, Matches } from 'class-validator';
import { readAnchorSigningKey } from '@civic/event-store';
import { Accepted, KafkaServiceEnvironment, WholeNumber } from '@civic/platform';

/** event-relay's configuration: Kafka, and how it reads the log. */
export class EventRelayEnvironment extends KafkaServiceEnvironment {
  /** Default 500 events per batch. */
  @IsOptional()
  @WholeNumber(1)
  RELAY_BATCH_SIZE?: number;

  /** Default 1000 ms between reads of an idle log. */
  @IsOptional()
  @WholeNumber(1)
  RELAY_POLL_INTERVAL_MS?: number;

  /** Default 2000 ms between a standby's tries to lead. */
  @IsOptional()
  @WholeNumber(1)
  RELAY_STANDBY_RETRY_MS?: number;

  /** Default 30000 ms, the longest wait between retries after a failure. */
  @IsOptional()
  @WholeNumber(1)
  RELAY_MAX_RETRY_MS?: number;

  /**
   * Consumer groups whose lag the relay reports (kafka_consumergroup_lag), comma-separated; default the projectors'
   * group. The relay reports it because it stays up while they are down; empty where a Kafka exporter reports it.
   */
  @IsOptional()
  @Matches(/^[\w.-]*(,[\w.-]+)*$/, { message: 'RELAY_WATCHED_CONSUMER_GROUPS must be consumer group ids separated by commas' })
  RELAY_WATCHED_CONSUMER_GROUPS?: string;

  /**
   * The Ed25519 private key (PEM, PKCS #8) that signs the log's anchors (docs/adr/0058). Unset: the relay signs no
   * anchors and says so at start; set it in production, from a secret the database administrators cannot read.
   */
  @IsOptional()
  @Accepted((file) => readAnchorSigningKey(file))
  ANCHOR_SIGNING_KEY_FILE?: string;

  /** Default 60000 ms between signings of what the log gained. */
  @IsOptional()
  @WholeNumber(1000)
  ANCHOR_INTERVAL_MS?: number;

  /** A file each anchor is appended to (JSON lines) for an operator to ship elsewhere; default none (Kafka only). */
  @IsOptional()
  @Accepted((file) => accessSync(dirname(file), constants.W_OK), { message: 'must be a file in a folder this service may write to' })
  ANCHOR_FILE?: string;
}

/** The consumer groups whose lag the relay reports. */
export function watchedConsumerGroupsFromEnv(): string[] {
  const groups = process.env.RELAY_WATCHED_CONSUMER_GROUPS ?? process.env.PROJECTOR_GROUP_ID ?? 'civic-projector';
  return groups.split(',').filter(Boolean);
}
