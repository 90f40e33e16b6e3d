import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { Pool } from 'pg';
import { CommandProcessor, EventLog, masterKeyFromEnv, PersonalDataErasures, PersonalDataKeys, PersonalDataOpener, PersonalDataSealer, PostgresEventStore } from '@civic/event-store';
import { AwardReservations, EVENT_LOG } from './grant-commendation/award-reservations';
import { reservationsTakenBy } from './grant-commendation/reservations-taken-by';
import { PublishedEventContract } from '@civic/messaging';
import { UnitRegistryReader } from '@civic/admin-units';
import { databaseUrlFromEnv } from '@civic/database';
import { AuthModule, DatabaseModule, HealthController, PG_POOL, serviceConfigModule, ObservabilityModule, ServiceMetrics } from '@civic/platform';
import { CachedUnitRegistry } from './registry/cached-unit-registry';
import { RecordMeetingHttpController } from './record-meeting/record-meeting.http.controller';
import { RecordMeetingHandler } from './record-meeting/record-meeting.handler';
import { CorrectMeetingHttpController } from './correct-meeting/correct-meeting.http.controller';
import { CorrectMeetingHandler } from './correct-meeting/correct-meeting.handler';
import { LaunchEmulationMovementHttpController } from './launch-emulation-movement/launch-emulation-movement.http.controller';
import { LaunchEmulationMovementHandler } from './launch-emulation-movement/launch-emulation-movement.handler';
import { ReviewEmulationMovementHttpController } from './review-emulation-movement/review-emulation-movement.http.controller';
import { ReviewEmulationMovementHandler } from './review-emulation-movement/review-emulation-movement.handler';
import { GrantCommendationHttpController } from './grant-commendation/grant-commendation.http.controller';
import { GrantCommendationHandler } from './grant-commendation/grant-commendation.handler';
import { RevokeCommendationHttpController } from './revoke-commendation/revoke-commendation.http.controller';
import { RevokeCommendationHandler } from './revoke-commendation/revoke-commendation.handler';
import { ProposeCommendationHttpController } from './propose-commendation/propose-commendation.http.controller';
import { ProposeCommendationHandler } from './propose-commendation/propose-commendation.handler';
import { WithdrawCommendationRecordHttpController } from './withdraw-commendation/withdraw-commendation.http.controller';
import { WithdrawCommendationRecordHandler } from './withdraw-commendation/withdraw-commendation.handler';
import { DecideProposalHttpController } from './decide-proposal/decide-proposal.http.controller';
import { DecideProposalHandler } from './decide-proposal/decide-proposal.handler';
import { ErasePersonalDataHttpController } from './erase-personal-data/erase-personal-data.http.controller';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { RecordsApiEnvironment } from './records-api.environment';
import { appendedEventsMetric, keysInHandMetric } from './records-api-metrics';

@Module({
  imports: [ObservabilityModule, serviceConfigModule(RecordsApiEnvironment), CqrsModule.forRoot(), DatabaseModule.forRoot(), AuthModule, TerminusModule.forRoot({ logger: false })],
  controllers: [
    HealthController,
    RecordMeetingHttpController,
    CorrectMeetingHttpController,
    GrantCommendationHttpController,
    RevokeCommendationHttpController,
    WithdrawCommendationRecordHttpController,
    ProposeCommendationHttpController,
    DecideProposalHttpController,
    LaunchEmulationMovementHttpController,
    ReviewEmulationMovementHttpController,
    ErasePersonalDataHttpController,
  ],
  providers: [
    { provide: EVENT_LOG, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool, new PublishedEventContract()) },
    // Names are sealed before they are appended, each under a key of its own (docs/adr/0059).
    {
      provide: PersonalDataKeys,
      inject: [PG_POOL, ServiceMetrics],
      useFactory: (pool: Pool, metrics: ServiceMetrics) => {
        const keys = new PersonalDataKeys(pool, masterKeyFromEnv());
        keysInHandMetric(metrics.registry, keys);
        return keys;
      },
    },
    {
      provide: CommandProcessor,
      inject: [EVENT_LOG, ServiceMetrics, PersonalDataKeys],
      useFactory: (log: EventLog, metrics: ServiceMetrics, keys: PersonalDataKeys) => new CommandProcessor(log, appendedEventsMetric(metrics.registry), new PersonalDataSealer(keys)),
    },
    {
      provide: AwardReservations,
      inject: [EVENT_LOG, PersonalDataKeys, PG_POOL],
      useFactory: (log: EventLog, keys: PersonalDataKeys, pool: Pool) => {
        const opener = new PersonalDataOpener(keys);
        return new AwardReservations(log, (events) => opener.openEvents(events), reservationsTakenBy(pool));
      },
    },
    {
      provide: PersonalDataErasures,
      inject: [EVENT_LOG, CommandProcessor, PersonalDataKeys],
      useFactory: (log: EventLog, processor: CommandProcessor, keys: PersonalDataKeys) => new PersonalDataErasures(log, processor, keys),
    },
    { provide: CachedUnitRegistry, inject: [PG_POOL], useFactory: (pool: Pool) => new CachedUnitRegistry(pool, databaseUrlFromEnv()) },
    { provide: UnitRegistryReader, useExisting: CachedUnitRegistry },
    RecordMeetingHandler,
    CorrectMeetingHandler,
    GrantCommendationHandler,
    RevokeCommendationHandler,
    WithdrawCommendationRecordHandler,
    ProposeCommendationHandler,
    DecideProposalHandler,
    LaunchEmulationMovementHandler,
    ReviewEmulationMovementHandler,
    ErasePersonalDataHandler,
  ],
})
export class RecordsApiModule {}
