import { IsUUID } from 'class-validator';

/** A record's id in the path: `/v1/meetings/{id}/corrections`, `/v1/commendations/{id}`, … */
export class RecordIdParams {
  @IsUUID()
  id!: string;
}
