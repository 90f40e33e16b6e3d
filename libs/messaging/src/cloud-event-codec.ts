import { CloudEvent, Kafka, KafkaMessage } from 'cloudevents';
import { RecordedEvent } from '@civic/event-store';

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
 * consumer needs nothing but the message to rebuild it. Encoded and decoded through the CloudEvents SDK,
 * which validates every attribute.
 */
export function toWireMessage(event: RecordedEvent): WireMessage {
  const cloudEvent = new CloudEvent<Record<string, unknown>>({
    specversion: '1.0',
    id: event.eventId,
    source: `${SOURCE_PREFIX}${event.streamType}`,
    type: `${CLOUD_EVENT_TYPE_PREFIX}${event.type}`,
    subject: event.streamId,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data: event.data,
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
  });
  const message = Kafka.binary(cloudEvent);
  // The SDK lists unset optional attributes (dataschema, ...) as undefined; Kafka headers must be strings.
  const headers = Object.fromEntries(
    Object.entries(message.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return {
    key: event.streamId,
    value: JSON.stringify(message.value),
    headers,
    timestamp: message.timestamp,
  };
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
    },
  };
}
