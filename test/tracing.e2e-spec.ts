import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningSystem, waitFor } from '@civic/testing';
import { getJson, minhKhaiReview, postJson } from './meeting-requests';

/** A span as an OTLP/HTTP JSON export carries it, with the service that sent it. */
interface ExportedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string }[] }[];
  }[];
}

/** An OTLP/HTTP collector that keeps every span the services export (JSON, as the OTLP HTTP exporter sends). */
async function startCollector(): Promise<{ server: Server; endpoint: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ service, ...span, parentSpanId: span.parentSpanId || undefined });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans };
}

describe('Traces across the services (OpenTelemetry, OTLP)', () => {
  let system: RunningSystem;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    system = await RunningSystem.start({
      environment: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' },
    });
  });
  afterAll(async () => {
    await system?.stop();
    collector?.server.close();
  });

  /** The spans of one trace, once the command's, the relay's and the projector's are all exported. */
  const wholeTrace = (traceId: string) =>
    waitFor(`the spans of trace ${traceId} from records-api, the relay and the projector`, async () => {
      const spans = collector.spans.filter((span) => span.traceId === traceId);
      const [command, publish, apply] = [
        spans.find((span) => span.service === 'records-api' && span.name === 'POST /v1/meetings'),
        spans.find((span) => span.service === 'event-relay' && span.name === 'publish MeetingHeld'),
        spans.find((span) => span.service === 'projector' && span.name === 'apply MeetingHeld'),
      ];
      return command && publish && apply ? { command, publish, apply } : undefined;
    }, { timeoutMs: 30_000 });

  it('continues the caller’s trace from the HTTP command through the event on Kafka to the read models', async () => {
    const [traceId, callerSpan] = ['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7'];
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị được truy vết' }), { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(recorded.status).toBe(201);

    const { command, publish, apply } = await wholeTrace(traceId);
    // The command is the caller's child; publishing and applying the event are the command's children.
    expect(command.parentSpanId).toBe(callerSpan);
    expect(publish.parentSpanId).toBe(command.spanId);
    expect(apply.parentSpanId).toBe(command.spanId);

    // The event keeps the command's trace context in its metadata, as the audit shows.
    const audit = await getJson(`${system.url('query-api')}/v1/audit/events?correlationId=${recorded.headers.get('x-correlation-id')}`);
    expect(audit.body.items[0].metadata.traceparent).toBe(`00-${traceId}-${command.spanId}-01`);
  });

  it('starts a trace for a command that brings none, and it reaches the relay and the projector too', async () => {
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị không mang vết' }));
    expect(recorded.status).toBe(201);
    const audit = await waitFor('the event in the audit', async () => {
      const answer = await getJson(`${system.url('query-api')}/v1/audit/events?correlationId=${recorded.headers.get('x-correlation-id')}`);
      return answer.body.items?.[0];
    });
    const traceId = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(audit.metadata.traceparent)![1];
    const { command, publish, apply } = await wholeTrace(traceId);
    expect(command.parentSpanId).toBeUndefined();
    expect([publish.parentSpanId, apply.parentSpanId]).toEqual([command.spanId, command.spanId]);
  });
});

describe('Tracing off (the default)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  const metadataOf = async (correlationId: string | null) =>
    waitFor('the event in the audit', async () => (await getJson(`${system.url('query-api')}/v1/audit/events?correlationId=${correlationId}`)).body.items?.[0]?.metadata);

  it('records no span, but passes the caller’s trace context on to the event unchanged; a command without one has none', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const traced = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị mang vết của người gọi' }), { traceparent, tracestate: 'vendor=abc' });
    expect(traced.status).toBe(201);
    expect(await metadataOf(traced.headers.get('x-correlation-id'))).toMatchObject({ traceparent, tracestate: 'vendor=abc' });

    const untraced = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị không vết' }));
    const metadata = await metadataOf(untraced.headers.get('x-correlation-id'));
    expect(metadata.traceparent).toBeUndefined();

    // A malformed traceparent is not kept: the command is recorded as one without a trace.
    const malformed = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị vết hỏng' }), { traceparent: '00-zz-not-a-trace' });
    expect(malformed.status).toBe(201);
    expect((await metadataOf(malformed.headers.get('x-correlation-id'))).traceparent).toBeUndefined();
  });
});
