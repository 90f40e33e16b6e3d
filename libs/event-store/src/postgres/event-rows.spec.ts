import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { NewEvent } from '../event-envelope';
import { insertAppends, prepareAppend } from './event-rows';
import { StreamAppend } from '../event-log';
import { contentHash, HashedContent } from '../integrity/event-hash';

/** The content hash as first defined (and as every stored event was hashed): SHA-256 of the JSON round trip, canonical. */
function hashAsFirstDefined(content: HashedContent): Buffer {
  const { streamId, streamType, streamVersion, eventId, type, schemaVersion, data, metadata, occurredOn, unitCode } = content;
  const fields = { streamId, streamType, streamVersion, eventId, type, schemaVersion, data, metadata, occurredOn, unitCode };
  return createHash('sha256').update(canonicalize(JSON.parse(JSON.stringify(fields))), 'utf8').digest();
}

const event = (data: Record<string, unknown>, id = '0b0f6c52-8a3c-4d6e-9d43-6f1f2b7f1a01'): NewEvent => ({
  eventId: id,
  type: 'MeetingHeld',
  schemaVersion: 2,
  data,
  metadata: { actor: { subject: 'cán bộ "Đ"', roles: ['ward-clerk'] }, correlationId: 'c', causationId: 'k', commandId: 'm' },
  occurredOn: '2025-01-12',
  unitCode: '00295',
});

const meeting = {
  meetingId: 'm-1',
  title: 'Hội nghị tổng kết công tác năm 2024 của Ủy ban nhân dân phường',
  chairs: [{ fullName: 'Nguyễn Thị Thanh Hương', role: 'Chủ tịch' }],
  attendeeCount: { value: 120, qualifier: 'EXACT' },
  indicators: [{ label: 'tỷ lệ', numerator: 99.5, denominator: null }],
  note: 'a "quoted" \\ path\n',
  empty: undefined,
};

describe('prepareAppend', () => {
  const append: StreamAppend = { streamId: 'meeting-m-1', streamType: 'meeting', expectedVersion: 3, events: [event(meeting), event({ n: NaN, when: new Date(Date.UTC(2025, 0, 12)) }, 'id-2')] };

  it('writes each event as the row the INSERT reads, versions counted on from the expected one', () => {
    const rows: unknown[] = JSON.parse(`[${prepareAppend(append).rows}]`);
    expect(rows).toEqual(
      append.events.map((e, index) => ({
        stream_id: 'meeting-m-1',
        stream_type: 'meeting',
        expected_version: 3,
        stream_version: 4 + index,
        event_id: e.eventId,
        event_type: 'MeetingHeld',
        schema_version: 2,
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: JSON.parse(JSON.stringify(e.metadata)),
        occurred_on: '2025-01-12',
        unit_code: '00295',
        content_hash: `\\x${hashAsFirstDefined({ ...e, streamId: 'meeting-m-1', streamType: 'meeting', streamVersion: 4 + index }).toString('hex')}`,
      })),
    );
  });

  it('hashes content exactly as the first definition did, so every stored event still verifies', () => {
    for (const data of [meeting, { n: NaN, list: [undefined, () => 1] }, {}, { 'đ': 'Đ', d: 'd', D: 'D' }]) {
      const content = { ...event(data), streamId: 's', streamType: 'meeting', streamVersion: 1 };
      expect(contentHash(content).toString('hex')).toBe(hashAsFirstDefined(content).toString('hex'));
    }
  });

  it('refuses an append whose versions are not integers before it joins a batch', () => {
    expect(() => prepareAppend({ ...append, expectedVersion: 1.5 })).toThrow('Not an integer: 1.5');
  });

  it('puts the rows of several appends into one JSON array parameter, in order', () => {
    const other = prepareAppend({ streamId: 'meeting-m-2', streamType: 'meeting', expectedVersion: 0, events: [event({ a: 1 }, 'id-3')] });
    const [rows] = insertAppends([prepareAppend(append), other], 'event_id').values as [string];
    expect((JSON.parse(rows) as { event_id: string }[]).map((row) => row.event_id)).toEqual(['0b0f6c52-8a3c-4d6e-9d43-6f1f2b7f1a01', 'id-2', 'id-3']);
  });
});
