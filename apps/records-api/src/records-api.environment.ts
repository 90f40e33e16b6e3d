import { ApiEnvironment } from '@civic/platform';

/** records-api's configuration: the APIs' settings (it writes to the event log only; the relay publishes). */
export class RecordsApiEnvironment extends ApiEnvironment {}
