import { IsOptional, IsString } from 'class-validator';
import { readAnchorPublicKeys } from '@civic/event-store';
import { Accepted, ApiEnvironment, WholeNumber } from '@civic/platform';

/** query-api's configuration: the APIs' settings, time travel's limits, where the dashboard's files are. */
export class QueryApiEnvironment extends ApiEnvironment {
  /** Default 2 answers as of a past moment computed at once. */
  @IsOptional()
  @WholeNumber(1)
  TIME_TRAVEL_CONCURRENCY?: number;

  /** Default 5000 ms for one such answer. */
  @IsOptional()
  @WholeNumber(1)
  TIME_TRAVEL_BUDGET_MS?: number;

  /** Default dist/dashboard (built by npm start and npm test). */
  @IsOptional()
  @IsString()
  DASHBOARD_DIR?: string;

  /**
   * Public keys (PEM, Ed25519; comma-separated) the log's anchors are checked with when an auditor verifies a record
   * (docs/adr/0058). Unset: records are verified by their hash chain only, and the answer says so.
   */
  @IsOptional()
  @Accepted((files) => readAnchorPublicKeys(files.split(',')))
  ANCHOR_PUBLIC_KEY_FILE?: string;
}
