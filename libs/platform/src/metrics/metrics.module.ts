import { Global, Module } from '@nestjs/common';
import { ServiceMetrics } from './service-metrics';

/** The service's metrics registry, for every part of it to add its own; `bootstrapService` serves it at /metrics. */
@Global()
@Module({
  providers: [{ provide: ServiceMetrics, useFactory: () => new ServiceMetrics(process.env.SERVICE_NAME ?? 'civic-records') }],
  exports: [ServiceMetrics],
})
export class MetricsModule {}
