import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCivicDate } from '@civic/platform';
import { PUBLISHED_EVENTS } from '@civic/messaging';

/** Every event type of the published contract: the audit filters on any of them. */
const EVENT_TYPES = [...new Set(PUBLISHED_EVENTS.map((event) => event.type))];

/** GET /v1/audit/events */
export class AuditEventsRequest {
  @IsOptional()
  @Matches(/^(\d{2}|\d{3}|\d{5}|VN)$/, { message: '$property must be an official unit code (or VN for registry-wide events)' })
  unitCode?: string;

  /** With unitCode: include every unit below it, by the hierarchy valid on each event's date. */
  @IsOptional()
  @IsIn(['true', 'false'])
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  includeDescendants?: 'true' | 'false';

  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: '$property must be an actor subject' })
  actor?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: '$property must be a correlation id' })
  correlationId?: string;

  @IsOptional()
  @IsCivicDate()
  occurredFrom?: string;

  @IsOptional()
  @IsCivicDate()
  occurredTo?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  recordedFrom?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  recordedTo?: string;

  /** The global position of the last event of the previous page. */
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '$property must be a global position' })
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(500)
  @IsInt()
  limit?: number;
}

export class StreamIdParams {
  @Matches(/^[a-z-]+-[0-9A-Za-z-]{1,64}$/, { message: '$property must be a stream id such as meeting-<uuid>' })
  streamId!: string;
}

