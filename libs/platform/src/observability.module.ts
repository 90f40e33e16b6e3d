import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { MetricsModule } from './metrics/metrics.module';
import { stopTracing } from './tracing/tracing';

/** Sends the spans still buffered before the process ends. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}

/** What lets an operator see a service: its metrics; its JSON logs and traces are started by bootstrapService. */
@Module({ imports: [MetricsModule], providers: [TracingShutdown], exports: [MetricsModule] })
export class ObservabilityModule {}
