import { IsOptional, Matches } from 'class-validator';
import { KafkaServiceEnvironment, WholeNumber } from '@civic/platform';

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
}

/** The consumer groups whose lag the relay reports. */
export function watchedConsumerGroupsFromEnv(): string[] {
  const groups = process.env.RELAY_WATCHED_CONSUMER_GROUPS ?? process.env.PROJECTOR_GROUP_ID ?? 'civic-projector';
  return groups.split(',').filter(Boolean);
}
