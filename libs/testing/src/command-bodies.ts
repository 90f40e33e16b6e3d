import fc from 'fast-check';
import {
  ATTENDANCE_QUALIFIER_VALUES,
  CivicBody,
  COMMENDATION_TYPE_VALUES,
  COUNT_QUALIFIER_VALUES,
  DATE_PRECISION_VALUES,
  MEETING_KIND_VALUES,
  MOVEMENT_FORM_VALUES,
  MOVEMENT_KIND_VALUES,
  MOVEMENT_SCOPE_VALUES,
} from '@civic/domain';
import { refusedCharacterIn } from '@civic/platform';

/**
 * Generated request bodies for every command, valid by the API's shapes and by the domain's rules, for the
 * property tests (round trips, refusals). Every fact is of Minh Khai (00295, a ward of Hà Nội) in 2021, where
 * the bodies drawn here all existed; text mixes Vietnamese in NFC and NFD, other scripts, emoji and spaces
 * at the ends (stored trimmed and in NFC).
 */
export const PROPERTY_WARD = '00295';
const YEAR = 2021;

/** Bodies that exist at every ward (a Hà Nội ward had no HĐND from 2021-07-01), and may convene and grant. */
const WARD_BODIES: readonly CivicBody[] = ['DANG_UY', 'UBND', 'UB_MTTQ', 'KHOI_DAN_VAN', 'HOI_LHPN', 'HOI_CCB', 'DOAN_TNCS', 'CONG_DOAN'];

const WORDS = ['Hội nghị', 'tổng kết', 'phường', 'Minh Khai', 'Đảng ủy', 'ĐOÀN KẾT', 'năm', '2021', '“Toàn dân”', 'an ninh', 'Tổ quốc', '–', '(TDP)', '100%', 'Nguyễn', 'Thị', 'Ánh', 'Dũng', 'Ở', 'ước', 'Ω', 'Σ', '東京', 'мир', '🎉', '👩‍👩‍👧', '&', '<b>', "'", '"', '\\'];

/** Text as officials type it; `expected` is what the record must hold: NFC, without outer spaces. */
export function text(maxLength: number): fc.Arbitrary<string> {
  const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((w) => expectedText(w) === w.normalize('NFC') && w.trim() === w));
  return fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' ', '  \t'), fc.boolean())
    .map(([words, pad, decomposed]) => {
      const joined = words.join(' ');
      return `${pad}${decomposed ? joined.normalize('NFD') : joined}${pad}`;
    })
    .filter((value) => {
      const stored = expectedText(value);
      return stored.length >= 1 && stored.length <= maxLength && refusedCharacterIn(value) === undefined;
    });
}

/** What the API stores of a text it accepted. */
export const expectedText = (value: string): string => value.normalize('NFC').trim();

const dayIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.integer({ min: Date.parse(`${from}T00:00:00Z`) / 86_400_000, max: Date.parse(`${to}T00:00:00Z`) / 86_400_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const dayOf2021 = dayIn(`${YEAR}-01-01`, `${YEAR}-12-31`);

const sourceUrl = fc
  .tuple(fc.constantFrom('https', 'http'), fc.constantFrom('minhkhai.hanoi.gov.vn', 'bactuliem.hanoi.gov.vn', 'www.example.vn'), fc.stringMatching(/^[a-z0-9-]{1,30}$/), fc.nat(99_999))
  .map(([scheme, host, slug, id]) => `${scheme}://${host}/tin-tuc/${slug}-${id}.html`);
const person = fc.record({ fullName: text(200), role: text(300) });
const bodyOfWard = (bodies: readonly CivicBody[] = WARD_BODIES) => fc.record({ body: fc.constantFrom(...bodies), unitCode: fc.constant(PROPERTY_WARD) });
const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)));

const indicator = fc
  .record({ label: text(300), numerator: amount, whole: fc.option(amount, { nil: undefined }), unit: fc.option(text(50), { nil: undefined }) }, { requiredKeys: ['label', 'numerator'] })
  .map(({ label, numerator, whole, unit }) => ({
    label,
    numerator,
    ...(whole !== undefined ? { denominator: Math.max(numerator, whole) } : {}),
    ...(unit !== undefined ? { unit } : {}),
  }));

/** A body of POST /v1/meetings. */
export function meetingBody(): fc.Arbitrary<Record<string, unknown>> {
  return dayOf2021.chain((heldOn) =>
    fc.record(
      {
        unitCode: fc.constant(PROPERTY_WARD),
        // Kinds only one body convenes (a People's Council session, a Party executive committee meeting) are left
        // out: their convening body is a rule of its own.
        kind: fc.constantFrom(...MEETING_KIND_VALUES.filter((kind) => kind !== 'KY_HOP_HDND' && kind !== 'HOI_NGHI_BCH')),
        title: text(500),
        heldOn: fc.constant(heldOn),
        venue: text(300),
        convenedBy: fc.uniqueArray(bodyOfWard(), { minLength: 1, maxLength: 4, selector: (c) => c.body }),
        chairs: fc.array(person, { maxLength: 4 }),
        chairedBy: person,
        guests: fc.array(person, { maxLength: 4 }),
        attendeeCount: fc.record({ value: fc.integer({ min: 1, max: 1_000_000 }), qualifier: fc.constantFrom(...ATTENDANCE_QUALIFIER_VALUES) }),
        reviewYear: fc.integer({ min: 1945, max: YEAR }),
        planYear: fc.integer({ min: YEAR, max: 2100 }),
        subjectTerm: fc.tuple(fc.integer({ min: 1945, max: 2100 }), fc.integer({ min: 1945, max: 2100 })).map(([a, b]) => ({ fromYear: Math.min(a, b), toYear: Math.max(a, b) })),
        theme: text(500),
        reports: fc.array(fc.record({ title: text(500), presenter: person }, { requiredKeys: ['title'] }), { maxLength: 3 }),
        indicators: fc.array(indicator, { maxLength: 3 }),
        source: fc.record(
          { url: sourceUrl, publishedOn: dayIn(heldOn, `${YEAR}-12-31`), author: text(200) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['unitCode', 'kind', 'title', 'heldOn', 'convenedBy'] },
    ),
  );
}

const recipientGroup = fc.oneof(
  fc.record({ count: fc.integer({ min: 1, max: 1_000_000 }), qualifier: fc.constantFrom(...COUNT_QUALIFIER_VALUES) }, { requiredKeys: ['count'] }),
  fc.record({ names: fc.array(text(300), { minLength: 1, maxLength: 5 }) }),
);

/** A date of 2021 and how exact it is; a date known to the month is written as the month's first day. */
const vagueDayOf2021 = fc
  .tuple(dayOf2021, fc.option(fc.constantFrom(...DATE_PRECISION_VALUES), { nil: undefined }))
  .map(([day, precision]) => ({ day: precision === 'MONTH' ? `${day.slice(0, 8)}01` : day, precision }));
const withPrecision = (field: string, precision: string | undefined) => (precision === undefined ? {} : { [`${field}Precision`]: precision });

/** A body of POST /v1/commendations: a ward People's Committee's certificate of merit (giấy khen). */
export function commendationBody(): fc.Arbitrary<Record<string, unknown>> {
  return vagueDayOf2021.chain(({ day: grantedOn, precision }) =>
    fc
      .record(
        {
          form: fc.constant('GIAY_KHEN'),
          commendationType: fc.constantFrom(...COMMENDATION_TYPE_VALUES),
          issuer: fc.constant({ body: 'UBND', unitCode: PROPERTY_WARD }),
          jointIssuers: fc.constant([{ body: 'UB_MTTQ', unitCode: PROPERTY_WARD }]),
          proposer: bodyOfWard(),
          grantedOn: fc.constant(grantedOn),
          forYear: fc.integer({ min: 1945, max: YEAR }),
          decisionNumber: text(100),
          recipients: fc.record({ collectives: recipientGroup, individuals: recipientGroup, households: recipientGroup }, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0),
          reason: text(1000),
          posthumous: fc.boolean(),
        },
        { requiredKeys: ['form', 'commendationType', 'issuer', 'grantedOn', 'recipients', 'reason'] },
      )
      // Only a person is commended posthumously.
      .map((body) => (body.posthumous && Object.keys(body.recipients as object).some((kind) => kind !== 'individuals') ? { ...body, posthumous: false } : body))
      .map((body) => ({ ...body, ...withPrecision('grantedOn', precision) })),
  );
}

/** A body of POST /v1/commendation-proposals: the ward's Mass Mobilisation Bloc proposes a giấy khen of its Party committee. */
export function proposalBody(): fc.Arbitrary<Record<string, unknown>> {
  return vagueDayOf2021.chain(({ day: proposedOn, precision }) =>
    fc.record(
      {
        proposer: fc.constant({ body: 'KHOI_DAN_VAN', unitCode: PROPERTY_WARD }),
        proposedTo: fc.constant({ body: 'DANG_UY', unitCode: PROPERTY_WARD }),
        proposedOn: fc.constant(proposedOn),
        form: fc.constant('GIAY_KHEN'),
        forYear: fc.integer({ min: 1945, max: YEAR }),
        recipients: fc.record({ collectives: recipientGroup, individuals: recipientGroup, households: recipientGroup }, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0),
        reason: text(1000),
      },
      { requiredKeys: ['proposer', 'proposedTo', 'proposedOn', 'form', 'recipients', 'reason'] },
    ).map((body) => ({ ...body, ...withPrecision('proposedOn', precision) })),
  );
}

/** A body of POST /v1/commendation-proposals/{id}/decision refusing a proposalBody() made on `proposedOn`. */
export function refusalBody(proposedOn: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    decidedBy: fc.constant({ body: 'DANG_UY', unitCode: PROPERTY_WARD }),
    decidedOn: dayIn(proposedOn, `${YEAR}-12-31`),
    outcome: fc.constant('REFUSED'),
    reason: text(1000),
  });
}

/** A body of POST /v1/emulation-movements, launched by a ward body that may launch it. */
export function movementBody(): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(dayOf2021, dayIn(`${YEAR}-01-01`, `${YEAR}-12-31`), fc.option(dayIn(`${YEAR}-01-01`, '2030-12-31'), { nil: undefined })).chain(([launchedOn, from, to]) =>
    fc.record(
      {
        name: text(500),
        kind: fc.constantFrom(...MOVEMENT_KIND_VALUES),
        form: fc.constantFrom(...MOVEMENT_FORM_VALUES),
        scope: fc.constantFrom(...MOVEMENT_SCOPE_VALUES.filter((scope) => scope !== 'TOAN_QUOC')),
        launchedBy: bodyOfWard(['UB_MTTQ', 'DANG_UY', 'HOI_LHPN', 'DOAN_TNCS']),
        launchedOn: fc.constant(launchedOn),
        period: fc.constant(to === undefined || to < from ? { from } : { from, to }),
        criteria: fc.array(text(1000), { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['name', 'kind', 'form', 'scope', 'launchedBy', 'launchedOn', 'period'] },
    ),
  );
}

/** A body of POST /v1/emulation-movements/{id}/reviews, for a movement launched on `launchedOn`. */
export function reviewBody(launchedOn: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ reviewKind: fc.constant('SO_KET'), reviewedOn: dayIn(launchedOn, `${YEAR}-12-31`), findings: text(4000) }, { requiredKeys: ['reviewKind', 'reviewedOn'] });
}

/** A body of POST /v1/commendations/{id}/revocation, for a grant of `grantedOn`. */
export function revocationBody(grantedOn: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ revokedOn: dayIn(grantedOn, `${YEAR}-12-31`), reason: text(1000) });
}

/** A body of POST /v1/commendations/{id}/withdrawal: why the record was made in error. */
export function withdrawalBody(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ reason: text(1000) });
}

/** A body of POST /v1/personal-data/erasures: a person named in a meeting, and why (the legal basis sometimes given). */
export function erasureBody(meetingId: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    { streamId: fc.constant(`meeting-${meetingId}`), personName: text(200), reason: text(1000), legalBasis: text(300) },
    { requiredKeys: ['streamId', 'personName', 'reason'] },
  );
}

/** A body of POST /v1/meetings/{id}/corrections: the whole corrected record and why. */
export function correctionBody(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ reason: text(1000), meeting: meetingBody() });
}
