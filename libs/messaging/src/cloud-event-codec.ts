import { CloudEvent, Kafka, KafkaMessage } from 'cloudevents';
import { RecordedEvent } from '@civic/event-store';
import { withoutListDefect } from '@civic/domain';

/** What a Kafka message is made of, independent of the client library. */
export interface WireMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
  readonly timestamp?: string;
}

export const CLOUD_EVENT_TYPE_PREFIX = 'vn.civic-records.';
const SOURCE_PREFIX = '/civic-records/';

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes as `ce_*` headers, the event data as the JSON value.
 * Extension attributes carry the envelope (stream, version, position, schema version, provenance), so a
 * consumer needs nothing but the message to rebuild it. Every event is built and validated by the CloudEvents
 * SDK, and decoded by it.
 */
export function toWireMessage(event: RecordedEvent): WireMessage {
  // Events stored with the list defect's empty values are published without them (docs/asyncapi README).
  const data = withoutListDefect(event.type, event.data);
  const cloudEvent = new CloudEvent<Record<string, unknown>>({
    specversion: '1.0',
    id: event.eventId,
    source: `${SOURCE_PREFIX}${event.streamType}`,
    type: `${CLOUD_EVENT_TYPE_PREFIX}${event.type}`,
    subject: event.streamId,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data,
    partitionkey: event.streamId,
    streamid: event.streamId,
    streamtype: event.streamType,
    streamversion: String(event.streamVersion),
    position: event.position,
    schemaversion: String(event.schemaVersion),
    civicdate: event.occurredOn,
    unitcode: event.unitCode,
    correlationid: event.metadata.correlationId,
    causationid: event.metadata.causationId,
    commandid: event.metadata.commandId,
    actor: event.metadata.actor.subject,
    actorroles: event.metadata.actor.roles.join(','),
    // The CloudEvents distributed-tracing extension: the trace of the request that recorded the event.
    ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
    ...(event.metadata.tracestate ? { tracestate: event.metadata.tracestate } : {}),
  });
  return { key: event.streamId, value: JSON.stringify(data), headers: binaryModeHeaders(cloudEvent), timestamp: `${Date.parse(event.recordedAt)}` };
}

/**
 * The Kafka binary-mode headers of a validated event (CloudEvents Kafka protocol binding 1.0, 3.2): its content
 * type, and every attribute but the data as a `ce_` header. Mapped here rather than by the SDK's
 * `Kafka.binary`, which cost several times this loop, most of the relay's encoding time (docs/performance.md);
 * the contract test reads every message back with the SDK.
 */
function binaryModeHeaders(cloudEvent: CloudEvent<Record<string, unknown>>): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': cloudEvent.datacontenttype ?? 'application/json' };
  for (const name of Object.getOwnPropertyNames(cloudEvent)) {
    const value = (cloudEvent as unknown as Record<string, unknown>)[name];
    // Unset optional attributes (dataschema, ...) are listed as undefined; Kafka headers are strings.
    if (name !== 'data' && name !== 'data_base64' && typeof value === 'string') headers[`ce_${name}`] = value;
  }
  return headers;
}

/** The envelope back from a message. `transactionId` is not carried on the wire and comes back empty. */
export function fromWireMessage(message: WireMessage): RecordedEvent {
  const kafkaMessage: KafkaMessage<string> = {
    key: message.key,
    value: message.value,
    headers: message.headers,
    body: message.value,
    timestamp: message.timestamp,
  };
  const event = Kafka.toEvent(kafkaMessage) as CloudEvent<Record<string, unknown>>;
  const ext = (name: string): string => {
    const value = (event as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'string') throw new Error(`CloudEvent ${event.id} lacks the ${name} extension`);
    return value;
  };
  const roles = ext('actorroles');
  const optional = (name: string): Record<string, string> => {
    const value = (event as unknown as Record<string, unknown>)[name];
    return typeof value === 'string' ? { [name]: value } : {};
  };
  return {
    eventId: event.id,
    type: event.type.slice(CLOUD_EVENT_TYPE_PREFIX.length),
    streamId: ext('streamid'),
    streamType: ext('streamtype'),
    streamVersion: Number(ext('streamversion')),
    position: ext('position'),
    transactionId: '',
    schemaVersion: Number(ext('schemaversion')),
    occurredOn: ext('civicdate'),
    unitCode: ext('unitcode'),
    recordedAt: new Date(event.time as string).toISOString(),
    data: typeof event.data === 'string' ? JSON.parse(event.data) : (event.data ?? {}),
    metadata: {
      actor: { subject: ext('actor'), roles: roles ? roles.split(',') : [] },
      correlationId: ext('correlationid'),
      causationId: ext('causationid'),
      commandId: ext('commandid'),
      ...optional('traceparent'),
      ...optional('tracestate'),
    },
  };
}
