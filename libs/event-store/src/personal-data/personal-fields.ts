/**
 * Where each event type holds data that names a person (docs/adr/0059): a path into the event's data, `*` standing
 * for every element of a list. Collective names (organisations, groups, bodies) are not personal and stay in clear.
 * A new field that names a person must be added here; personal-fields.spec.ts holds every event type to account.
 */
type Path = readonly string[];

const PERSON_FIELDS_OF_A_MEETING: readonly Path[] = [
  ['chairs', '*', 'fullName'],
  ['guests', '*', 'fullName'],
  ['reports', '*', 'presenter', 'fullName'],
  ['source', 'author'],
];

const NAMED_PEOPLE: readonly Path[] = [
  ['recipients', 'individuals', 'names', '*'],
  ['recipients', 'households', 'names', '*'],
];

export const PERSONAL_FIELDS: Readonly<Record<string, readonly Path[]>> = {
  MeetingHeld: PERSON_FIELDS_OF_A_MEETING,
  MeetingCorrected: PERSON_FIELDS_OF_A_MEETING.map((path) => ['meeting', ...path]),
  CommendationGranted: NAMED_PEOPLE,
  CommendationProposed: NAMED_PEOPLE,
  // A reservation's description holds the recipient's folded name ("… individuals nguyen van a").
  AwardReserved: [['achievement']],
  AwardReservationReleased: [['achievement']],
};

function mapAt(value: unknown, path: Path, replace: (text: string) => string, at = 0): unknown {
  if (at === path.length) return typeof value === 'string' && value !== '' ? replace(value) : value;
  const step = path[at];
  if (step === '*') return Array.isArray(value) ? value.map((item) => mapAt(item, path, replace, at + 1)) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step in value)) return value;
  const record = value as Record<string, unknown>;
  return { ...record, [step]: mapAt(record[step], path, replace, at + 1) };
}

/** The event's data with each personal string replaced by what `replace` makes of it; everything else as it was. */
export function mapPersonalFields<Data>(type: string, data: Data, replace: (text: string) => string): Data {
  const paths = PERSONAL_FIELDS[type];
  if (!paths) return data;
  return paths.reduce<unknown>((current, path) => mapAt(current, path, replace), data) as Data;
}

/** Every personal string of the event's data, in the order `mapPersonalFields` meets them. */
export function personalValuesOf(type: string, data: unknown): string[] {
  const values: string[] = [];
  mapPersonalFields(type, data, (text) => {
    values.push(text);
    return text;
  });
  return values;
}
