import { CLOUD_EVENT_TYPE_PREFIX } from '../../libs/messaging/src/cloud-event-codec';
import { PublishedEvent, PUBLISHED_EVENTS, schemaFileName } from '../../libs/messaging/src/contract/event-contract';
import { LOG_ANCHOR_TOPIC, TOPIC_BY_STREAM_TYPE } from '../../libs/messaging/src/topics';
import { LOG_ANCHOR_FORMAT } from '../../libs/event-store/src/integrity/log-anchor';

const CHANNELS: Record<string, { id: string; title: string; description: string }> = {
  meeting: { id: 'meetings', title: 'Meetings', description: 'Meetings held by the bodies of a unit (hội nghị, kỳ họp, tiếp công dân, …) and their corrections. Key: the meeting stream id.' },
  commendation: { id: 'commendations', title: 'Commendations', description: 'Commendations and emulation titles granted, and their revocations. Key: the commendation stream id.' },
  'award-reservation': {
    id: 'awardReservations',
    title: 'Award reservations',
    description:
      'One achievement, one award: each grant reserves its achievements (a named recipient, or the whole description of a grant that only counts them) for its issuer, award and year; a revocation releases them. A second grant meeting a reservation is refused. Key: award-reservation-<digest of the achievement>.',
  },
  'commendation-proposal': {
    id: 'commendationProposals',
    title: 'Commendation proposals',
    description: 'Proposals (đề nghị) by one body to another to commend recipients, and the decisions that answer them: granted by a commendation on record, or refused. Key: the proposal stream id.',
  },
  'emulation-movement': { id: 'emulationMovements', title: 'Emulation movements', description: 'Emulation movements (phong trào thi đua) launched, and their interim and final reviews. Key: the movement stream id.' },
  'personal-data-erasure': {
    id: 'personalDataErasures',
    title: 'Personal data erasures',
    description:
      'Erasures of a person’s data at their request (Decree 13/2023/NĐ-CP): the record, the data keys destroyed, the reason and legal basis; who did it is in the actor headers. A consumer that keeps opened names must drop those sealed with the keys named. Key: personal-data-erasure-<erasure id>.',
  },
  'admin-unit': { id: 'adminUnits', title: 'Administrative units', description: 'The unit registry: units established, changed, dissolved and succeeded, and each official list imported. Key: admin-unit-<code>, or admin-unit-registry for imports.' },
};

const TOKEN = { type: 'string', minLength: 1 };

/** Kafka headers of every message: CloudEvents 1.0 attributes and extensions, binary content mode (ce_ prefix). */
const CLOUD_EVENT_HEADERS = {
  type: 'object',
  description: 'CloudEvents 1.0 in Kafka binary mode: each attribute is a ce_-prefixed header (UTF-8), the data is the message value.',
  properties: {
    'content-type': { const: 'application/json' },
    ce_specversion: { const: '1.0' },
    ce_id: { type: 'string', format: 'uuid', description: 'The event id; unique in the log. Deduplicate on it.' },
    ce_source: { type: 'string', pattern: '^/civic-records/[a-z-]+$', description: '/civic-records/<stream type>' },
    ce_type: { type: 'string', pattern: `^${CLOUD_EVENT_TYPE_PREFIX.replace(/\./g, '\\.')}[A-Za-z]+$` },
    ce_subject: { ...TOKEN, description: 'The stream id (the record).' },
    ce_time: { type: 'string', format: 'date-time', description: 'When the event was recorded.' },
    ce_datacontenttype: { const: 'application/json' },
    ce_partitionkey: { ...TOKEN, description: 'The stream id; also the Kafka key.' },
    ce_streamid: { ...TOKEN, description: 'The stream (record) the event belongs to.' },
    ce_streamtype: { type: 'string', enum: Object.keys(TOPIC_BY_STREAM_TYPE) },
    ce_streamversion: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'The version of the record after this event: 1, 2, … without gaps; ordered within a partition.' },
    ce_position: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'The global position in the event log (a bigint).' },
    ce_schemaversion: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'The schema version of the data; see the message for each version.' },
    ce_civicdate: { type: 'string', format: 'date', description: 'The civic date the fact happened on (Việt Nam).' },
    ce_unitcode: { type: 'string', pattern: '^([0-9]{2}|[0-9]{3}|[0-9]{5}|VN)$', description: 'The official code of the unit the fact belongs to (VN for registry-wide events).' },
    ce_correlationid: { ...TOKEN, description: 'The request the event came from.' },
    ce_causationid: { ...TOKEN, description: 'What caused the event (the command id for commands).' },
    ce_commandid: { ...TOKEN, description: 'The command that recorded the event.' },
    ce_actor: { ...TOKEN, description: 'The subject who recorded the event.' },
    ce_actorroles: { type: 'string', description: 'Their roles, comma-separated.' },
    ce_traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'CloudEvents distributed-tracing extension: the W3C trace context of the request that recorded the event (present when it was traced or its caller sent one). A consumer continues the trace by starting its span as a child of it.',
    },
    ce_tracestate: { type: 'string', maxLength: 512, description: 'CloudEvents distributed-tracing extension: the W3C tracestate that goes with ce_traceparent, when there is one.' },
  },
  required: [
    'ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'ce_streamid', 'ce_streamtype', 'ce_streamversion',
    'ce_position', 'ce_schemaversion', 'ce_civicdate', 'ce_unitcode', 'ce_correlationid', 'ce_causationid', 'ce_commandid', 'ce_actor', 'ce_actorroles',
  ],
  additionalProperties: false,
};

/**
 * Event types some of whose stored events an old defect wrote with empty values (libs/domain meeting.repairs.ts,
 * commendation.repairs.ts); the relay publishes them repaired (libs/domain list-defect.ts).
 */
const LIST_DEFECT = (what: string): string =>
  ` Records of the list defect: until 2026-12-05 the records API took a list where it expected one object and stored empty objects in its place (${what}). The log is never rewritten; the relay publishes those events with the empty values left out, in the same schema version, so every message matches this schema. The values themselves were never stored and cannot be recovered.`;
const REPAIRED_ON_PUBLISH: Record<string, string> = {
  MeetingHeld: LIST_DEFECT('`"chairs": [{}]`, `"attendeeCount": {}`: an empty person, convening body, report or indicator is left out of its list; an empty chair, count, term or presenter is null'),
  MeetingCorrected: LIST_DEFECT('in the corrected meeting, as for MeetingHeld'),
  CommendationGranted: LIST_DEFECT('`"proposer": {}`, `"jointIssuers": [{}]`, a recipient group `{"count": 0}`: an empty joint issuer or recipient group is left out, an empty proposer is null'),
};

export const messageId = (event: Pick<PublishedEvent, 'type' | 'schemaVersion'>): string => `${event.type}.v${event.schemaVersion}`;

function message(event: PublishedEvent): object {
  return {
    name: event.type,
    title: `${event.type}, schema version ${event.schemaVersion}`,
    summary: event.summary,
    description:
      (event.current
      ? 'Written by the current code.'
      : 'No longer written; earlier events in this shape stay in the log and on the topic. civic-records reads them as the current version by a pure upcast (libs/domain).') + (REPAIRED_ON_PUBLISH[event.type] ?? ''),
    contentType: 'application/json',
    headers: {
      allOf: [
        { $ref: '#/components/schemas/CloudEventHeaders' },
        { type: 'object', properties: { ce_type: { const: `${CLOUD_EVENT_TYPE_PREFIX}${event.type}` }, ce_schemaversion: { const: String(event.schemaVersion) } } },
      ],
    },
    payload: { $ref: `./schemas/${schemaFileName(event)}` },
    correlationId: { location: '$message.header#/ce_correlationid' },
    bindings: { kafka: { key: { type: 'string', description: 'The stream id: every event of a record is in one partition, in version order.' }, bindingVersion: '0.5.0' } },
  };
}

const CHECKPOINT = {
  type: 'object',
  required: ['transactionId', 'position'],
  additionalProperties: false,
  properties: { transactionId: { type: 'string', pattern: '^[0-9]+$' }, position: { type: 'string', pattern: '^[0-9]+$' } },
};

/** A signed anchor of the log (docs/adr/0058): the message value on the anchors topic, and one line of the anchor file. */
const SIGNED_LOG_ANCHOR = {
  type: 'object',
  required: ['anchor', 'signature'],
  additionalProperties: false,
  properties: {
    signature: { type: 'string', contentEncoding: 'base64', description: 'Ed25519 signature of the RFC 8785 (JCS) canonical JSON of `anchor`.' },
    anchor: {
      type: 'object',
      required: ['format', 'sequence', 'previous', 'after', 'upTo', 'events', 'signedAt', 'keyId'],
      additionalProperties: false,
      properties: {
        format: { const: LOG_ANCHOR_FORMAT },
        sequence: { type: 'integer', minimum: 1, description: 'Anchors are numbered from 1 without gaps.' },
        previous: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$', description: 'SHA-256 (hex) of the previous anchor’s canonical JSON; null for the first.' },
        after: { ...CHECKPOINT, description: 'The previous anchor’s upTo: this anchor covers the events after it in commit order.' },
        upTo: { ...CHECKPOINT, description: 'The last event it covers, in commit order (transaction id, then global position).' },
        events: {
          type: 'array',
          minItems: 1,
          maxItems: 1000,
          description: 'Every event of the range, in commit order, with the event_hash its row held when signed.',
          items: {
            type: 'object',
            required: ['position', 'eventId', 'streamId', 'streamVersion', 'eventHash'],
            additionalProperties: false,
            properties: {
              position: { type: 'string', pattern: '^[0-9]+$' },
              eventId: { type: 'string', format: 'uuid' },
              streamId: TOKEN,
              streamVersion: { type: 'integer', minimum: 1 },
              eventHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            },
          },
        },
        signedAt: { type: 'string', format: 'date-time' },
        keyId: { type: 'string', pattern: '^[0-9a-f]{16}$', description: 'First 16 hex digits of the SHA-256 of the signing key’s public half (SPKI DER).' },
      },
    },
  },
};

/** The channel of the log's signed anchors: not events of the log, but statements about it. */
function anchorChannel() {
  return {
    channel: {
      address: LOG_ANCHOR_TOPIC,
      title: 'Signed anchors of the log',
      description: [
        'Checkpoints of the event log signed with an Ed25519 key the database never holds (docs/adr/0058): each lists every event recorded since',
        'the previous one with its hash, so a rewrite of the log, even one that recomputed every hash, shows against them. One partition, key "log",',
        'in sequence; a sequence may appear twice with the same events (a crash between publishing and storing), never with different ones.',
        'To check one: verify `signature` over the RFC 8785 canonical JSON of `anchor` with the public key whose id is `anchor.keyId`;',
        'check that `previous` is the SHA-256 of the previous anchor’s canonical JSON; compare each event’s hash with the event_hash the log holds',
        '(`npm run cli -- verify --anchors <file> --anchor-key <public key>` does all of it).',
      ].join(' '),
      messages: { signedLogAnchor: { $ref: '#/components/messages/signedLogAnchor' } },
      bindings: { kafka: { topic: LOG_ANCHOR_TOPIC, partitions: 1, bindingVersion: '0.5.0' } },
    },
    operation: {
      action: 'send',
      title: 'Publish signed anchors of the log',
      summary: 'The event relay signs what the log gained every ANCHOR_INTERVAL_MS (and the CLI on demand), and publishes each anchor before storing it.',
      channel: { $ref: '#/channels/logAnchors' },
      messages: [{ $ref: '#/channels/logAnchors/messages/signedLogAnchor' }],
    },
    message: {
      name: 'SignedLogAnchor',
      title: 'A signed anchor of the log',
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: { 'content-type': { const: 'application/json' }, sequence: { type: 'string', pattern: '^[0-9]+$', description: 'anchor.sequence' } },
      },
      payload: SIGNED_LOG_ANCHOR,
      bindings: { kafka: { key: { const: 'log' }, bindingVersion: '0.5.0' } },
    },
  };
}

/** The AsyncAPI 3 document of the event stream, built from the same list the code publishes. */
export function asyncApiDocument(): object {
  const channels: Record<string, object> = {};
  const operations: Record<string, object> = {};
  for (const [streamType, topic] of Object.entries(TOPIC_BY_STREAM_TYPE)) {
    const channel = CHANNELS[streamType];
    const events = PUBLISHED_EVENTS.filter((e) => e.streamType === streamType);
    channels[channel.id] = {
      address: topic,
      title: channel.title,
      description: channel.description,
      messages: Object.fromEntries(events.map((e) => [messageId(e), { $ref: `#/components/messages/${messageId(e)}` }])),
      bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
    };
    operations[`publish${channel.id[0].toUpperCase()}${channel.id.slice(1)}`] = {
      action: 'send',
      title: `Publish ${channel.title.toLowerCase()}`,
      summary: `The event relay publishes every ${channel.title.toLowerCase()} event from the log, in commit order, at least once.`,
      channel: { $ref: `#/channels/${channel.id}` },
      messages: events.map((e) => ({ $ref: `#/channels/${channel.id}/messages/${messageId(e)}` })),
    };
  }
  const anchors = anchorChannel();
  channels.logAnchors = anchors.channel;
  operations.publishLogAnchors = anchors.operation;
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'civic-records event stream',
      version: '1.0.0',
      description: [
        'Every fact recorded by civic-records, as published by its event relay: one topic per aggregate family, the stream id as key,',
        'CloudEvents 1.0 in binary mode. Delivery is at least once: deduplicate on ce_id, or on (ce_streamid, ce_streamversion).',
        'Within a stream, versions arrive in order without gaps. Events of older schema versions stay on the topics; read ce_schemaversion.',
        'KAFKA_TOPIC_PREFIX, when set, is prepended to every topic name.',
        'Personal data is sealed (docs/adr/0059): a field that names a person (a meeting\'s chairs, guests, presenters and source author; the named',
        'individuals and households of a grant or proposal; an award reservation\'s achievement) holds "pd1.<key id>.<base64url of iv, ciphertext and tag>",',
        'AES-256-GCM under that person\'s data key with "pd1.<key id>" as associated data; values recorded before sealing began are plain text.',
        'A consumer authorised to read names (a token with role integration-reader) fetches the data key from query-api,',
        'GET /v1/personal-data/keys/{key id}: the 32-byte key (base64url); the value\'s data is base64url of iv (12 bytes), ciphertext and tag (16 bytes).',
        'Once the person\'s data is erased (PersonalDataErased on the personalDataErasures channel names the keys) the key is destroyed,',
        'the endpoint answers 410, and the value can no longer be read by anyone: a consumer must then drop what it opened with those keys.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm start` runs (Apache Kafka 4.1, KRaft).' },
    },
    channels,
    operations,
    components: {
      schemas: { CloudEventHeaders: CLOUD_EVENT_HEADERS },
      messages: { ...Object.fromEntries(PUBLISHED_EVENTS.map((e) => [messageId(e), message(e)])), signedLogAnchor: anchors.message },
    },
  };
}
