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
  if (Array.isArray(json)) {
    let text = '';
    for (let index = 0; index < json.length; index++) text += `${index ? ',' : ''}${canonicalJson(json[index], String(index)) ?? 'null'}`;
    return `[${text}]`;
  }
  return objectText(json as Record<string, unknown>, (member, name) => canonicalJson(member, name));
}

/** An object from members already in canonical JSON (undefined ones left out), in canonical order. */
export function canonicalObject(members: Readonly<Record<string, string | undefined>>): string {
  return objectText(members, (member) => member);
}

/** `{"name":text,...}` in the members' canonical order, a member whose text is undefined left out. */
function objectText<Member>(members: Readonly<Record<string, Member>>, textOf: (member: Member, name: string) => string | undefined): string {
  let text = '';
  for (const name of Object.keys(members).sort()) {
    const member = textOf(members[name], name);
    if (member !== undefined) text += `${text ? ',' : ''}${JSON.stringify(name)}:${member}`;
  }
  return `{${text}}`;
}

/** What JSON.stringify serializes in place of a value: its toJSON, then the primitive a boxed primitive holds. */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json: unknown = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  return json instanceof Number || json instanceof String || json instanceof Boolean ? json.valueOf() : json;
}
