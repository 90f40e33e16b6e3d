import { copyBody, copyText } from './bulk-load';
import { JsonColumn } from '../batching';

describe('COPY text of a replay', () => {
  it('writes null as \\N and escapes what would end a value or a row', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('Nguyễn Văn An\nTrần Thị Bình')).toBe('Nguyễn Văn An\\nTrần Thị Bình');
    expect(copyText('a\tb\\c\rd')).toBe('a\\tb\\\\c\\rd');
    expect(copyText(2023)).toBe('2023');
  });

  it('writes arrays as quoted Postgres array literals, then escapes them for COPY', () => {
    expect(copyText(['00238', '006'])).toBe('{"00238","006"}');
    expect(copyText(['a,b', 'say "hi"', 'back\\slash', null])).toBe('{"a,b","say \\\\"hi\\\\"","back\\\\\\\\slash",NULL}');
  });

  it('writes a json column as JSON, an array of them included, where a plain array is a Postgres array', () => {
    const jointIssuers = [{ body: 'UB_MTTQ', unitCode: '002' }];
    expect(copyText(new JsonColumn(jointIssuers))).toBe('[{"body":"UB_MTTQ","unitCode":"002"}]');
    expect(JSON.stringify({ joint_issuers: new JsonColumn(jointIssuers) })).toBe('{"joint_issuers":[{"body":"UB_MTTQ","unitCode":"002"}]}');
  });

  it('writes one line per row, values separated by tabs', () => {
    expect(copyBody([['m-1', 'Hội nghị', null], ['m-2', 'Họp', 120]])).toBe('m-1\tHội nghị\t\\N\nm-2\tHọp\t120\n');
  });
});
