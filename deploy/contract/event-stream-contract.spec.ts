import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fromFile, Parser } from '@asyncapi/parser';
import { MeetingHeldDataV1, upcastMeetingEvent } from '@civic/domain';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { keyIdOf, LOG_ANCHOR_FORMAT, signAnchor } from '@civic/event-store';
import { anchorMessage, LOG_ANCHOR_TOPIC, PUBLISHED_EVENTS, schemaFileName, TOPIC_BY_STREAM_TYPE } from '@civic/messaging';
import { generateEventSchemas, SCHEMA_DIRECTORY, serialize } from './event-schemas';
import { asyncApiDocument, messageId } from './asyncapi-document';

const DOCUMENT = join(SCHEMA_DIRECTORY, '..', 'asyncapi.json');
const committed = (file: string) => readFileSync(join(SCHEMA_DIRECTORY, file), 'utf8');

describe('The event stream contract (docs/asyncapi)', () => {
  it('is what the code generates: no drift between the types, the schemas and the document (run `npm run contract` after a change)', () => {
    for (const [file, schema] of generateEventSchemas()) expect({ file, content: committed(file) }).toEqual({ file, content: serialize(schema) });
    expect(readFileSync(DOCUMENT, 'utf8')).toBe(serialize(asyncApiDocument()));
  });

  it('is a valid AsyncAPI 3 document, with a channel per topic and a message per event type and schema version', async () => {
    const { document, diagnostics } = await fromFile(new Parser(), DOCUMENT).parse();
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => d.message)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toMatch(/^3\./);
    expect(document!.channels().all().map((c) => c.address()).sort()).toEqual([...Object.values(TOPIC_BY_STREAM_TYPE), LOG_ANCHOR_TOPIC].sort());
    for (const event of PUBLISHED_EVENTS) {
      const channel = document!.channels().all().find((c) => c.address() === TOPIC_BY_STREAM_TYPE[event.streamType])!;
      const message = channel.messages().all().find((m) => m.id() === messageId(event));
      expect({ event: messageId(event), documented: Boolean(message?.payload()?.properties()) }).toEqual({ event: messageId(event), documented: true });
    }
  });

  it('documents the signed anchors as they are published: a real anchor fits the schema, a reshaped one does not', () => {
    const schema = (JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { components: { messages: { signedLogAnchor: { payload: object } } } }).components.messages.signedLogAnchor.payload;
    const fits = addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema);
    const { privateKey } = generateKeyPairSync('ed25519');
    const signed = signAnchor(
      {
        format: LOG_ANCHOR_FORMAT,
        sequence: 2,
        previous: 'a'.repeat(64),
        after: { transactionId: '740', position: '11' },
        upTo: { transactionId: '741', position: '12' },
        events: [{ position: '12', eventId: randomUUID(), streamId: `meeting-${randomUUID()}`, streamVersion: 1, eventHash: 'b'.repeat(64) }],
        signedAt: new Date().toISOString(),
      },
      { privateKey, keyId: keyIdOf(privateKey) },
    );
    const published = JSON.parse(anchorMessage(signed));
    expect({ valid: fits(published), errors: fits.errors }).toEqual({ valid: true, errors: null });
    expect(fits({ ...published, anchor: { ...published.anchor, events: [] } })).toBe(false);
    expect(fits({ ...published, extra: true })).toBe(false);
  });

  describe('schema evolution: MeetingHeld v1 is upcast to v2 by a pure function', () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validator = (file: string) => ajv.compile(JSON.parse(committed(file)));
    const v1: MeetingHeldDataV1 = {
      meetingId: '5d2e9a7c-1b3f-4c8d-9e6a-2f4b8c1d7e30',
      unitCode: '00295',
      kind: 'HOI_NGHI_TONG_KET',
      title: 'Hội nghị tổng kết năm 2020',
      heldOn: '2021-01-12',
      venue: 'Hội trường UBND phường Minh Khai',
      convenedBy: [{ body: 'UBND', unitCode: '00295' }],
      chairedBy: { fullName: 'Nguyễn Văn Hùng', role: 'Chủ tịch UBND phường' },
      attendeeCount: { value: 120, qualifier: 'APPROX' },
      reviewYear: 2020,
      planYear: 2021,
    };

    it('a v1 payload is valid v1 and not valid v2; its upcast is valid v2 and keeps every v1 fact', () => {
      const [isV1, isV2] = [validator(schemaFileName({ type: 'MeetingHeld', schemaVersion: 1 })), validator(schemaFileName({ type: 'MeetingHeld', schemaVersion: 2 }))];
      expect(isV1(v1)).toBe(true);
      expect(isV2(v1)).toBe(false);
      const upcast = upcastMeetingEvent('MeetingHeld', 1, v1);
      expect(isV2(upcast.data)).toBe(true);
      const { chairedBy, ...kept } = v1;
      expect(upcast.data).toMatchObject({ ...kept, chairs: [chairedBy] });
      expect(upcast.data).not.toHaveProperty('chairedBy');
    });

    it('a v1 correction upcasts to a valid v2 correction', () => {
      const isV2 = validator(schemaFileName({ type: 'MeetingCorrected', schemaVersion: 2 }));
      const correction = { meetingId: v1.meetingId, reason: 'Đếm lại', meeting: { ...v1, attendeeCount: { value: 130, qualifier: 'EXACT' } } };
      expect(validator(schemaFileName({ type: 'MeetingCorrected', schemaVersion: 1 }))(correction)).toBe(true);
      expect(isV2(upcastMeetingEvent('MeetingCorrected', 1, correction).data)).toBe(true);
    });
  });
});
