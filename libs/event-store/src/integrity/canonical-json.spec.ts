import { canonicalize } from 'json-canonicalize';
import { canonicalJson, canonicalObject } from './canonical-json';

/** The definition the content hash was first written with: json-canonicalize over the value's JSON round trip. */
function reference(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : canonicalize(JSON.parse(json));
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', 'Phường Phúc Xá', 'Đảng ủy', 'đ', 'e\u0301', '"quoted" \\ back', 'line\nbreak\ttab', '\u0000\u001f', '\ud83c\udff3', '\ud800 lone', '€', 'undefined', 'Z', 'a', 'ä', '1'];
const NUMBERS = [0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, 0.1 + 0.2];

function generate(random: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const kind = depth > 3 ? Math.floor(random() * 4) : Math.floor(random() * 12);
  switch (kind) {
    case 0: return pick(STRINGS);
    case 1: return pick(NUMBERS);
    case 2: return pick([true, false, null]);
    case 3: return pick([undefined, () => 1, Symbol('s')]);
    case 4: return new Date(Date.UTC(2025, 6, 1, 0, 0, Math.floor(random() * 1000)));
    case 5: return pick([new String('boxed'), new Number(7), new Boolean(false)]);
    case 6: {
      const json = pick(STRINGS);
      return { toJSON: () => json };
    }
    case 7:
    case 8: return Array.from({ length: Math.floor(random() * 5) }, () => generate(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) object[pick(STRINGS) + pick(['', 'b', '10', '2'])] = generate(random, depth + 1);
      return object;
    }
  }
}

describe('canonicalJson', () => {
  it('gives the RFC 8785 example its canonical text (members by UTF-16 code units, numbers as ECMAScript writes them)', () => {
    const value = { numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001], string: '\u20ac$\u000f\nA\'\u0042\u0022\u005c\\"/', literals: [null, true, false] };
    expect(canonicalJson(value)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
    expect(canonicalJson({ '\u20ac': 'Euro', '\r': 'Carriage Return', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Emoji', '\u0080': 'Control', '\u00f6': 'Latin' })).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin","\u20ac":"Euro","\ud83d\ude00":"Emoji","\ufb33":"Hebrew"}',
    );
  });

  it('leaves out of objects, and turns to null in arrays, what JSON leaves out; honours toJSON; unboxes primitives', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, () => 1, NaN, -0], c: new Date(Date.UTC(2025, 6, 1)), d: new String('x'), f: () => 1 })).toBe(
      '{"a":[null,null,null,0],"c":"2025-07-01T00:00:00.000Z","d":"x"}',
    );
    expect(canonicalJson(undefined)).toBeUndefined();
  });

  it('is what json-canonicalize gives after a JSON round trip, for 5,000 generated values', () => {
    for (let seed = 1; seed <= 5_000; seed++) {
      const value = generate(randomFrom(seed), 0);
      // A mismatch names its seed.
      expect({ seed, text: canonicalJson(value) }).toEqual({ seed, text: reference(value) });
    }
  });
});

describe('canonicalObject', () => {
  it('orders members already canonical by name and leaves out the undefined ones', () => {
    expect(canonicalObject({ type: '"MeetingHeld"', data: '{"a":1}', unitCode: undefined, eventId: '"e"' })).toBe('{"data":{"a":1},"eventId":"e","type":"MeetingHeld"}');
  });
});
