import { randomBytes, randomUUID } from 'node:crypto';
import {
  ADMIN_UNIT_EVENT_SCHEMA_VERSIONS,
  PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS,
  AWARD_RESERVATION_EVENT_SCHEMA_VERSIONS,
  COMMENDATION_EVENT_SCHEMA_VERSIONS,
  COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS,
  MEETING_EVENT_SCHEMA_VERSIONS,
  MOVEMENT_EVENT_SCHEMA_VERSIONS,
} from '@civic/domain';
import { masterKeyOf, unwrapDataKey, wrapDataKey } from './master-key';
import { mapPersonalFields, PERSONAL_FIELDS, personalValuesOf } from './personal-fields';
import { openSealedText, sealedKeyIdOf, sealText } from './sealed-text';

const dataKey = () => ({ keyId: randomUUID(), key: randomBytes(32) });

describe('sealed personal text', () => {
  it('opens to the very text sealed, Vietnamese in NFC included, and names its key', () => {
    const key = dataKey();
    const sealed = sealText('Nguyễn Thị Thu Hà', key);
    expect(sealed).toMatch(/^pd1\.[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('Nguy');
    expect(sealedKeyIdOf(sealed)).toBe(key.keyId);
    expect(openSealedText(sealed, key.key)).toBe('Nguyễn Thị Thu Hà'.normalize('NFC'));
    expect(sealText('Nguyễn Thị Thu Hà', key)).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses to open with another key, under another key id, or once a byte changed', () => {
    const key = dataKey();
    const sealed = sealText('Lê Văn Tám', key);
    expect(() => openSealedText(sealed, randomBytes(32))).toThrow();
    const [, , body] = sealed.split('.');
    expect(() => openSealedText(`pd1.${randomUUID()}.${body}`, key.key)).toThrow();
    const bytes = Buffer.from(body, 'base64url');
    bytes[14] ^= 1;
    expect(() => openSealedText(`pd1.${key.keyId}.${bytes.toString('base64url')}`, key.key)).toThrow();
  });

  it('tells sealed values from plain ones', () => {
    expect(sealedKeyIdOf('Nguyễn Văn A')).toBeUndefined();
    expect(sealedKeyIdOf('pd1.not-a-uuid.abc')).toBeUndefined();
    expect(sealedKeyIdOf(42)).toBeUndefined();
  });
});

describe('the master key', () => {
  it('is 32 bytes of base64, and says how to make one otherwise', () => {
    expect(() => masterKeyOf(randomBytes(16).toString('base64'))).toThrow(/32 bytes.*openssl rand -base64 32/);
    const master = masterKeyOf(randomBytes(32).toString('base64'));
    expect(master.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('wraps a data key so that only the same master key and key id unwrap it', () => {
    const master = masterKeyOf(randomBytes(32).toString('base64'));
    const key = dataKey();
    const wrapped = wrapDataKey(key.key, key.keyId, master);
    expect(unwrapDataKey(wrapped, key.keyId, master)).toEqual(key.key);
    expect(() => unwrapDataKey(wrapped, randomUUID(), master)).toThrow();
    expect(() => unwrapDataKey(wrapped, key.keyId, masterKeyOf(randomBytes(32).toString('base64')))).toThrow();
  });
});

describe('personal fields', () => {
  const meeting = {
    title: 'Hội nghị tổng kết năm 2020',
    convenedBy: [{ body: 'UBND', unitCode: '00295' }],
    chairs: [{ fullName: 'Nguyễn Văn Hùng', role: 'Chủ tịch UBND phường' }],
    guests: [{ fullName: 'Trần Thị Lan', role: 'Phó Bí thư Quận ủy' }],
    reports: [{ title: 'Báo cáo tổng kết', presenter: { fullName: 'Phạm Minh Đức', role: 'Phó Chủ tịch' } }, { title: 'Báo cáo tài chính', presenter: null }],
    source: { url: 'https://example.vn/bai-viet', publishedOn: '2021-01-13', author: 'Hoàng Anh' },
    indicators: [{ label: '13/18 TDP văn hóa', numerator: 13, denominator: 18, unit: null }],
  };

  it('are every person named by a meeting — chairs, guests, presenters, the article’s author — and nothing else', () => {
    expect(personalValuesOf('MeetingHeld', meeting)).toEqual(['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Phạm Minh Đức', 'Hoàng Anh']);
    const masked = mapPersonalFields('MeetingHeld', meeting, (name) => `<${name.length}>`);
    expect(masked).toEqual({
      ...meeting,
      chairs: [{ fullName: '<15>', role: 'Chủ tịch UBND phường' }],
      guests: [{ fullName: '<12>', role: 'Phó Bí thư Quận ủy' }],
      reports: [{ title: 'Báo cáo tổng kết', presenter: { fullName: '<13>', role: 'Phó Chủ tịch' } }, { title: 'Báo cáo tài chính', presenter: null }],
      source: { ...meeting.source, author: '<9>' },
    });
    expect(meeting.chairs[0].fullName).toBe('Nguyễn Văn Hùng'); // the input is left as it was
    expect(personalValuesOf('MeetingCorrected', { meetingId: 'm', reason: 'Sai tên', meeting })).toHaveLength(4);
  });

  it('are the individuals and households named by a grant or a proposal; collectives stay in clear', () => {
    const recipients = { collectives: { names: ['Chi bộ Tổ dân phố số 5'] }, individuals: { names: ['Lê Văn Tám', 'Đỗ Thị Mai'] }, households: { names: ['Hộ ông Nguyễn Văn Bảy'] } };
    expect(personalValuesOf('CommendationGranted', { recipients, reason: 'Thành tích xuất sắc' })).toEqual(['Lê Văn Tám', 'Đỗ Thị Mai', 'Hộ ông Nguyễn Văn Bảy']);
    expect(personalValuesOf('CommendationProposed', { recipients: { individuals: { count: 56, qualifier: 'EXACT' } } })).toEqual([]);
  });

  it('are accounted for in every event type: each either names its personal fields or holds none', () => {
    const withoutPersonalData = [
      ...Object.keys(COMMENDATION_EVENT_SCHEMA_VERSIONS).filter((type) => type !== 'CommendationGranted'),
      ...Object.keys(COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS).filter((type) => type !== 'CommendationProposed'),
      ...Object.keys(MOVEMENT_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(ADMIN_UNIT_EVENT_SCHEMA_VERSIONS),
      // An erasure names keys, never a person.
      ...Object.keys(PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS),
    ];
    const all = [
      ...Object.keys(MEETING_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(COMMENDATION_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(AWARD_RESERVATION_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(MOVEMENT_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(ADMIN_UNIT_EVENT_SCHEMA_VERSIONS),
      ...Object.keys(PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS),
    ];
    expect([...Object.keys(PERSONAL_FIELDS), ...withoutPersonalData].sort()).toEqual(all.sort());
  });
});
