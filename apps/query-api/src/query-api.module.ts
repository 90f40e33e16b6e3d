import { PersonalDataReads } from './personal-data/personal-data-reads';
import { PersonalDataKeysHttpController } from './personal-data/personal-data-keys.http.controller';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule, DatabaseModule, HealthController, SERVICE_STATUS, serviceConfigModule, ObservabilityModule } from '@civic/platform';
import { WardSummaryHttpController } from './ward-summary/ward-summary.http.controller';
import { UnitsHttpController } from './units/units.http.controller';
import { UnitSummaryHttpController } from './unit-summary/unit-summary.http.controller';
import { GetUnitSummaryHandler } from './unit-summary/unit-summary.handler';
import { ListsHttpController } from './lists/lists.http.controller';
import { ProposalsHttpController } from './proposals/proposals.http.controller';
import { CommendationRecordHttpController } from './records/commendation-record.http.controller';
import { MeetingRecordHttpController } from './records/meeting-record.http.controller';
import { MovementRecordHttpController } from './records/movement-record.http.controller';
import { AuditHttpController } from './audit/audit.http.controller';
import { SeriesHttpController } from './series/series.http.controller';
import { GetSeriesHandler } from './series/series.handler';
import { GetSuccessorViewHandler } from './successor-view/successor-view.handler';
import { GetWardSummaryHandler } from './ward-summary/ward-summary.handler';
import { readModelsAtProvider } from './time-travel/read-models-at.provider';
import { SummaryReads } from './summary-cache/summary-reads';
import { QueryApiEnvironment } from './query-api.environment';

@Module({
  imports: [ObservabilityModule, serviceConfigModule(QueryApiEnvironment), CqrsModule.forRoot(), DatabaseModule.forRoot(), AuthModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, WardSummaryHttpController, UnitSummaryHttpController, UnitsHttpController, ListsHttpController, CommendationRecordHttpController, MeetingRecordHttpController, MovementRecordHttpController, ProposalsHttpController, SeriesHttpController, AuditHttpController, PersonalDataKeysHttpController],
  providers: [
    PersonalDataReads,
    readModelsAtProvider,
    SummaryReads,
    { provide: SERVICE_STATUS, inject: [SummaryReads], useFactory: (reads: SummaryReads) => () => ({ summaryCache: reads.cache.statistics() }) },
    GetWardSummaryHandler,
    GetUnitSummaryHandler,
    GetSuccessorViewHandler,
    GetSeriesHandler,
  ],
})
export class QueryApiModule {}
