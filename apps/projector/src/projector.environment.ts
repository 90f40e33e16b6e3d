import { Type } from 'class-transformer';
import { IsOptional, IsPositive, Matches } from 'class-validator';
import { KafkaServiceEnvironment, WholeNumber } from '@civic/platform';

/** projector's configuration: Kafka, its consumer group, and when it snapshots the read models. */
export class ProjectorEnvironment extends KafkaServiceEnvironment {
  /** Default civic-projector. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'may hold only letters, digits, dots, underscores and hyphens' })
  PROJECTOR_GROUP_ID?: string;

  /** Default 2000 events between snapshots (0: by age only). */
  @IsOptional()
  @WholeNumber(0)
  SNAPSHOT_EVERY_EVENTS?: number;

  /** Default 60 seconds, the oldest an event may be before a snapshot holds it. */
  @IsOptional()
  @IsPositive({ message: 'must be a positive number of seconds' })
  @Type(() => Number)
  SNAPSHOT_MAX_AGE_SECONDS?: number;
}
