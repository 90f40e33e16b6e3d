import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** `asOf=<ISO timestamp with offset>`: answer as the summary stood then, ignoring events recorded after it. */
export class AsOfQuery {
  @IsOptional()
  // Without an offset the moment would depend on the server's time zone.
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, { message: '$property must give a time and a time zone, such as 2021-06-30T17:00:00Z or 2021-07-01T00:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp with a time zone, such as 2021-06-30T17:00:00Z' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  asOf?: string;
}

export function asOfDate(asOf: string | undefined): Date | undefined {
  return asOf === undefined ? undefined : new Date(asOf);
}
