import { MeetingHeldData } from './meeting.events';
import { MeetingHeldDataV1 } from './meeting.events.v1';

/**
 * Until 2026-12, the records API let a list through where it expected one object (`"chairedBy": [{…}]`), and
 * stored what it then read from the list: nothing. Meetings of that time hold empty objects where a person, a
 * count or a term should be (`"chairs": [{}]`, `"attendeeCount": {}`). The log keeps them as written; readers
 * (the domain, the relay publishing to Kafka) read them as what they effectively say: no such person, no count,
 * no term. The values themselves are lost and nothing invents them. docs/asyncapi/README.md tells integrations.
 */

type Loose = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

const isPerson = (value: unknown): boolean => isObject(value) && isText(value.fullName) && isText(value.role);
const isConvener = (value: unknown): boolean => isObject(value) && isText(value.body) && isText(value.unitCode);
const isReport = (value: unknown): value is Loose => isObject(value) && isText(value.title);
const isIndicator = (value: unknown): boolean => isObject(value) && isText(value.label) && isNumber(value.numerator);
/** `{}` (or all its values missing): what the defect stored for an object it read from a list. */
const isEmpty = (value: unknown): boolean => isObject(value) && Object.values(value).every((v) => v === undefined || v === null);

/** A stored meeting record (either schema version) with the defect's empty values read as absent. */
export function withoutEmptyValues<Meeting extends MeetingHeldData | MeetingHeldDataV1>(meeting: Meeting): Meeting {
  const raw = meeting as unknown as Loose;
  const repaired: Loose = { ...raw };
  const keep = (name: string, test: (item: unknown) => boolean) => {
    if (Array.isArray(raw[name])) repaired[name] = (raw[name] as unknown[]).filter(test);
  };
  keep('convenedBy', isConvener);
  keep('chairs', isPerson);
  keep('guests', isPerson);
  keep('indicators', isIndicator);
  if (Array.isArray(raw.reports)) repaired.reports = raw.reports.filter(isReport).map((report) => ({ ...report, presenter: isPerson(report.presenter) ? report.presenter : null }));
  for (const name of ['chairedBy', 'attendeeCount', 'subjectTerm']) if (isEmpty(raw[name]) || (name === 'chairedBy' && raw[name] != null && !isPerson(raw[name]))) repaired[name] = null;
  return repaired as unknown as Meeting;
}
