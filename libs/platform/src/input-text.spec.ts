import fc from 'fast-check';
import { jsonNestingExceeds, jsonTextMayHoldRefused, refusedCharacterIn, refusedTextIn } from './input-text';

describe('refusedCharacterIn', () => {
  it.each([
    ['Hội nghị tổng kết năm 2020', 'Vietnamese in NFC'],
    ['Hội nghị tổng kết năm 2020'.normalize('NFD'), 'Vietnamese in NFD (normalized later)'],
    ['Dòng 1\nDòng 2\r\n\tthụt lề', 'line breaks and tabs'],
    ['Chúc mừng 🎉 đại hội', 'an emoji: a well-formed surrogate pair'],
    ['100% "công trình" có phép; <b> & \' \\', 'punctuation and markup-like text'],
  ])('accepts %j (%s)', (text) => {
    expect(refusedCharacterIn(text)).toBeUndefined();
  });

  it.each([
    ['x\u0000', 'a control character: U+0000 at position 1'],
    ['\u0007bell', 'a control character: U+0007 at position 0'],
    ['x\u001b[31m', 'a control character: U+001B'],
    ['del\u007f', 'a control character: U+007F'],
    ['c1\u0085', 'a control character: U+0085'],
    ['x\ud800y', 'half of a surrogate pair'],
    ['x\udc00', 'half of a surrogate pair, which is not valid Unicode: U+DC00'],
    ['\ufdd0', 'a Unicode non-character: U+FDD0'],
    ['\uffff', 'a Unicode non-character: U+FFFF'],
    ['\u{10FFFF}', 'a Unicode non-character: U+10FFFF'],
    ['Quyết định \u202Egnaht neyuhk', 'a bidirectional control'],
    ['x\u2066y\u2069', 'a bidirectional control'],
    ['Ban\u200Bhành', 'an invisible zero-width character: U+200B'],
    ['\uFEFFtitle', 'an invisible zero-width character: U+FEFF'],
  ])('refuses %j, naming the character', (text, message) => {
    expect(refusedCharacterIn(text)).toContain(message);
  });

  it('never refuses text made only of letters, digits, spaces and punctuation of any script', () => {
    const printable = fc.stringMatching(/^[\p{L}\p{M}\p{N}\p{P}\p{Zs}]*$/u);
    fc.assert(fc.property(printable, (text) => refusedCharacterIn(text) === undefined), { seed: 27, numRuns: 500 });
  });
});

describe('refusedTextIn', () => {
  it('names every refused string of a body by its JSON Pointer, keys included', () => {
    const body = { title: 'x\u0000', chairs: [{ fullName: 'A', role: 'B\u202E' }], 'a/b~\u0001': 1, ok: 'Hội nghị' };
    expect(refusedTextIn(body)).toEqual([
      { field: '/a~1b~0\u0001', message: expect.stringContaining('the property name contains a control character') },
      { field: '/chairs/0/role', message: expect.stringContaining('bidirectional control') },
      { field: '/title', message: expect.stringContaining('U+0000') },
    ]);
  });

  it('finds nothing in clean bodies, numbers and booleans', () => {
    expect(refusedTextIn({ a: [1, true, null, { b: 'Phường Minh Khai' }] })).toEqual([]);
  });

  it('walks a body nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(refusedTextIn(deep)).toHaveLength(1);
  });
});

describe('jsonTextMayHoldRefused', () => {
  it('never passes over a JSON text whose parsed value holds a refused character, written raw or escaped', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\u0000', '\ud800', '\u202e', '\ufffe', 'ok'));
    const value = fc.dictionary(anyText, fc.oneof(anyText, fc.array(anyText)));
    fc.assert(fc.property(value, (v) => refusedTextIn(v).length === 0 || jsonTextMayHoldRefused(JSON.stringify(v))), { seed: 27, numRuns: 1000 });
  });

  it('lets a clean body go without walking it', () => {
    expect(jsonTextMayHoldRefused(JSON.stringify({ title: 'Hội nghị tổng kết 🎉', chairs: [{ fullName: 'Nguyễn Văn A' }] }))).toBe(false);
  });
});

describe('jsonNestingExceeds', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('measures arrays and objects alike, up to the limit and past it', () => {
    expect(jsonNestingExceeds(nested(64), 64)).toBe(false);
    expect(jsonNestingExceeds(nested(65), 64)).toBe(true);
    expect(jsonNestingExceeds(`{"a":${'{"a":'.repeat(70)}1${'}'.repeat(71)}`, 64)).toBe(true);
    expect(jsonNestingExceeds(nested(500_000), 64)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ title: `${'['.repeat(100)}"\\{{{`, more: ['\\"[[['] });
    expect(jsonNestingExceeds(text, 3)).toBe(false);
  });

  it('agrees with the depth of any JSON value', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value as object).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, limit) => jsonNestingExceeds(JSON.stringify(value), limit) === depthOf(value) > limit),
      { seed: 27, numRuns: 500 },
    );
  });
});
