/**
 * RFC 8785 (JCS) canonical JSON of a value as `JSON.stringify` sees it: `toJSON` is honoured; undefined, functions
 * and symbols are left out of objects and become null in arrays; non-finite numbers become null. This is the text
 * json-canonicalize gives for the value after a JSON round trip (canonical-json.spec.ts holds the two together),
 * made without the round trip, which was half of what hashing cost an append (docs/adr/0030).
 *
 * JCS writes numbers and strings as ECMAScript's JSON.stringify does and orders members by their names' UTF-16
 * code units, which is what Array.prototype.sort does with strings.
 */
export function canonicalJson(value: unknown, key = ''): string | undefined {
  const json = jsonValueOf(value, key);
  if (json === null || typeof json !== 'object') return JSON.stringify(json) as string | undefined;
  let text = '';
  if (Array.isArray(json)) {
    for (let index = 0; index < json.length; index++) text += `${index ? ',' : ''}${canonicalJson(json[index], String(index)) ?? 'null'}`;
    return `[${text}]`;
  }
  for (const name of Object.keys(json).sort()) {
    const member = canonicalJson((json as Record<string, unknown>)[name], name);
    if (member !== undefined) text += `${text ? ',' : ''}${JSON.stringify(name)}:${member}`;
  }
  return `{${text}}`;
}

/** An object from members already in canonical JSON (undefined ones left out), in canonical order. */
export function canonicalObject(members: Readonly<Record<string, string | undefined>>): string {
  const parts: string[] = [];
  for (const name of Object.keys(members).sort()) {
    const member = members[name];
    if (member !== undefined) parts.push(`${JSON.stringify(name)}:${member}`);
  }
  return `{${parts.join(',')}}`;
}

/** What JSON.stringify serializes in place of a value: its toJSON, then the primitive a boxed primitive holds. */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json: unknown = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  return json instanceof Number || json instanceof String || json instanceof Boolean ? json.valueOf() : json;
}
