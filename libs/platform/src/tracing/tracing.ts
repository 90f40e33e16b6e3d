import { Context, propagation, ROOT_CONTEXT, Span, SpanKind, trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export const TRACES_EXPORTERS = ['none', 'otlp'] as const;

/** The W3C trace context of a record: what an event keeps in its metadata and carries on Kafka. */
/** The longest tracestate kept (W3C asks to propagate at least 512 characters); a longer one is dropped. */
const TRACESTATE_KEPT = 512;

export interface TraceHeaders {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

let provider: NodeTracerProvider | undefined;

/**
 * Tracing for this process. The W3C trace-context propagator is always in place, so a caller's `traceparent`
 * reaches the events even with tracing off. Spans are recorded and exported only with OTEL_TRACES_EXPORTER=otlp,
 * to the OTLP/HTTP endpoint of OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT (read by the
 * exporter), in batches every OTEL_BSP_SCHEDULE_DELAY ms (5000 unless given).
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): void {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (env.OTEL_TRACES_EXPORTER !== 'otlp' || provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY ?? 5000) })],
  });
  provider.register();
}

/** Sends the spans not yet exported; the service calls it as it shuts down. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

/** Whether spans are recorded: where making one costs work (one per event), it is skipped when they are not. */
export const tracingOn = (): boolean => provider !== undefined;

export const civicTracer = (): Tracer => trace.getTracer('civic-records');

/** The context a record's trace headers name (the root context when they name none or a malformed one). */
export function contextOf(headers: TraceHeaders): Context {
  return propagation.extract(ROOT_CONTEXT, { ...headers });
}

/**
 * The trace headers of a span, to be kept with what it records. A span not recorded (tracing off) still carries its
 * parent's context, so a caller's trace goes on through the events; a span with no valid context gives none.
 */
export function traceHeadersOf(span: Span): TraceHeaders {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  const { traceparent, tracestate } = carrier;
  if (!traceparent) return {};
  return tracestate && tracestate.length <= TRACESTATE_KEPT ? { traceparent, tracestate } : { traceparent };
}

/**
 * One span per event that carries a trace, as a child of the span that recorded it, covering `seconds` up to now:
 * the relay's publish and the projector's apply, told after the work (its batch) is done.
 */
export function spanEachEvent(name: string, kind: SpanKind, events: readonly { readonly type: string; readonly streamId: string; readonly metadata: TraceHeaders }[], seconds: number): void {
  if (!tracingOn()) return;
  const end = Date.now();
  const start = new Date(end - seconds * 1000);
  const tracer = civicTracer();
  for (const event of events) {
    if (!event.metadata.traceparent) continue;
    tracer
      .startSpan(`${name} ${event.type}`, { kind, startTime: start, attributes: { 'civic.event.type': event.type, 'civic.stream.id': event.streamId } }, contextOf(event.metadata))
      .end(end);
  }
}

export { SpanKind };
