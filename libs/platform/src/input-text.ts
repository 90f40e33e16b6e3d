import { FieldError } from './problem-details';

/**
 * Characters no civic record holds, refused wherever a request carries text (body strings and keys, path and
 * query): they either cannot be stored (Postgres refuses U+0000 in jsonb), are not Unicode text at all, or
 * hide what a record says from the person reading it.
 * Tab, line feed and carriage return are ordinary whitespace in findings and reasons, and stay allowed.
 */
const REFUSED: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u, what: 'a control character' },
  // In a Unicode-mode pattern a well-formed surrogate pair is one code point; only a lone half matches.
  { pattern: /\p{Surrogate}/u, what: 'half of a surrogate pair, which is not valid Unicode' },
  { pattern: /\p{Noncharacter_Code_Point}/u, what: 'a Unicode non-character' },
  // Trojan Source (CVE-2021-42574): embeddings, overrides and isolates reorder what a reader sees.
  { pattern: /[\u202A-\u202E\u2066-\u2069]/u, what: 'a bidirectional control, which makes text display otherwise than it reads' },
  // Zero-width space, word joiner and byte-order mark only: the zero-width joiner and non-joiner are parts of
  // emoji sequences and of some scripts' words.
  { pattern: /[\u200B\u2060\uFEFF]/u, what: 'an invisible zero-width character' },
];

const ANY_REFUSED = new RegExp(REFUSED.map(({ pattern }) => pattern.source).join('|'), 'u');

/** Why a text may not be recorded, naming the first refused character; undefined when it is fine. */
export function refusedCharacterIn(text: string): string | undefined {
  // One scan for the common case of clean text; the rules are looked at one by one only to explain a refusal.
  if (!ANY_REFUSED.test(text)) return undefined;
  for (const { pattern, what } of REFUSED) {
    const found = pattern.exec(text);
    if (found) return `contains ${what}: U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at position ${found.index}`;
  }
  return undefined;
}

/**
 * Whether the text of a JSON document may hold a refused character once parsed: one written as it is, or one
 * written as an escape (`\u0000`; JSON cannot hold a raw control character in a string). Most bodies have
 * neither, and their parsed values need not be walked.
 */
export function jsonTextMayHoldRefused(text: string): boolean {
  return text.includes('\\u') || ANY_REFUSED.test(text);
}

/** RFC 6901: `~` and `/` in a key are escaped, so a pointer names one place. */
const pointerTo = (parent: string, key: string | number): string => `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Every string of a parsed JSON value (keys too) that holds a refused character, with its JSON Pointer. Walked
 * with an explicit stack, so no depth of nesting can overflow the call stack.
 */
export function refusedTextIn(value: unknown, maxErrors = 20): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; pointer: string }[] = [{ value, pointer: '' }];
  while (pending.length > 0 && errors.length < maxErrors) {
    const { value: current, pointer } = pending.pop()!;
    if (typeof current === 'string') {
      const refusal = refusedCharacterIn(current);
      if (refusal) errors.push({ field: pointer || '/', message: refusal });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, pointer: pointerTo(pointer, index) }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const keyRefusal = refusedCharacterIn(key);
        if (keyRefusal) errors.push({ field: pointerTo(pointer, key), message: `the property name ${keyRefusal}` });
        pending.push({ value: item, pointer: pointerTo(pointer, key) });
      }
    }
  }
  return errors.sort((a, b) => a.field.localeCompare(b.field));
}

/**
 * How deeply the JSON text nests arrays and objects, stopping as soon as it passes `limit`. Read from the text,
 * before parsing, so a body of 100,000 brackets costs one linear scan and never reaches a recursive walker.
 */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}
