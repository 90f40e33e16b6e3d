import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { databaseUrlFromEnv, ReadModelChangeListener, SummaryCache } from '@civic/database';
import { ReadModelsAt, ReadModelView } from '@civic/projections';
import { JsonAnswer, ServiceMetrics } from '@civic/platform';
import { registerSummaryCacheMetrics } from './summary-cache-metrics';
import { TimeTravelGate, timeTravelLimitsFromEnv } from '../time-travel/time-travel-gate';

/**
 * Where the summary handlers read: live answers through the cache (kept until a change to one of the units
 * they read is announced), answers as of a moment straight from the log, uncached.
 */
@Injectable()
export class SummaryReads implements OnModuleInit, OnApplicationShutdown {
  readonly cache = new SummaryCache();
  private readonly listener = new ReadModelChangeListener(databaseUrlFromEnv(), this.cache, 'query-api-changes');

  private readonly timeTravel = new TimeTravelGate(timeTravelLimitsFromEnv());

  constructor(
    private readonly readModels: ReadModelsAt,
    metrics: ServiceMetrics,
  ) {
    registerSummaryCacheMetrics(metrics.registry, () => this.cache.statistics());
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  /**
   * `work` names the units its answer is read from through `include`, as it must for time travel anyway; the
   * cache drops the answer when one of them changes. Answers are kept serialized, ready to send.
   */
  async read<T>(key: string, asOf: Date | undefined, work: (view: ReadModelView) => Promise<T>): Promise<JsonAnswer<T>> {
    // Answers as of a moment are computed from the log, a few at a time, each within a time budget.
    if (asOf) return JsonAnswer.of(await this.timeTravel.run((deadline) => this.readModels.read(asOf, work, { deadline })));
    return this.cache.get(key, async (dependsOn) =>
      JsonAnswer.of(await this.readModels.read(undefined, (view) => work({ sql: view.sql, include: async (units) => dependsOn(units) }))),
    );
  }
}
