import { IsUUID } from 'class-validator';

/** A record's id in the path: `/v1/commendations/{id}`, `/v1/commendation-proposals/{id}`. */
export class RecordIdParams {
  @IsUUID()
  id!: string;
}
