import { IsOptional } from 'class-validator';
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
}
