import fc from 'fast-check';
import { allTopics, CLOUD_EVENT_TYPE_PREFIX } from '@civic/messaging';
import { personalValuesOf, sealedKeyIdOf } from '@civic/event-store';
import {
  commendationBody,
  correctionBody,
  expectedText,
  meetingBody,
  MessageCollector,
  movementBody,
  namesThePlace,
  PROPERTY_WARD,
  proposalBody,
  refusalBody,
  revocationBody,
  reviewBody,
  RunningSystem,
  testKafka,
  waitFor,
  wrongBodiesOf,
} from '@civic/testing';
import { RecordMeetingRequestDto } from '../apps/records-api/src/record-meeting/record-meeting.request.dto';
import { CorrectMeetingRequestDto } from '../apps/records-api/src/correct-meeting/correct-meeting.request.dto';
import { GrantCommendationRequestDto } from '../apps/records-api/src/grant-commendation/grant-commendation.request.dto';
import { RevokeCommendationRequestDto } from '../apps/records-api/src/revoke-commendation/revoke-commendation.request.dto';
import { LaunchEmulationMovementRequestDto } from '../apps/records-api/src/launch-emulation-movement/launch-emulation-movement.request.dto';
import { ReviewEmulationMovementRequestDto } from '../apps/records-api/src/review-emulation-movement/review-emulation-movement.request.dto';
import { ProposeCommendationRequestDto } from '../apps/records-api/src/propose-commendation/propose-commendation.request.dto';
import { DecideProposalRequestDto } from '../apps/records-api/src/decide-proposal/decide-proposal.request.dto';
import { getJson, JsonResponse, postJson } from './meeting-requests';

/** Valid bodies per command endpoint, and wrong ones per endpoint: seeded, so every run sends the same requests. */
const VALID_PER_ENDPOINT = 40;
const WRONG_PER_ENDPOINT = 120;
const SEED = 27;

type Body = Record<string, unknown>;
type Json = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? expectedText(value) : value);
const person = (p: Body) => ({ fullName: text(p.fullName), role: text(p.role) });
const bodyOfUnit = (b: Body) => ({ body: b.body, unitCode: b.unitCode });

/** What the record of a meeting must hold of the body that recorded it: every field, texts in NFC without outer spaces. */
function expectedMeeting(body: Body, meetingId: string): Json {
  const list = (name: string) => (body[name] as Body[] | undefined) ?? [];
  const source = body.source as Body | undefined;
  return {
    meetingId,
    unitCode: body.unitCode,
    kind: body.kind,
    title: text(body.title),
    heldOn: body.heldOn,
    venue: text(body.venue) ?? null,
    convenedBy: list('convenedBy').map(bodyOfUnit),
    chairs: [...(body.chairedBy ? [body.chairedBy as Body] : []), ...list('chairs')].map(person),
    guests: list('guests').map(person),
    attendeeCount: body.attendeeCount ?? null,
    reviewYear: body.reviewYear ?? null,
    planYear: body.planYear ?? null,
    subjectTerm: body.subjectTerm ?? null,
    theme: text(body.theme) ?? null,
    reports: list('reports').map((r) => ({ title: text(r.title), presenter: r.presenter ? person(r.presenter as Body) : null })),
    indicators: list('indicators').map((i) => ({ label: text(i.label), numerator: i.numerator, denominator: i.denominator ?? null, unit: text(i.unit) ?? null })),
    source: source ? { url: source.url ?? null, publishedOn: source.publishedOn ?? null, author: text(source.author) ?? null } : null,
  };
}

function expectedGrant(body: Body, commendationId: string): Json {
  return {
    commendationId,
    award: { form: body.form },
    commendationType: body.commendationType,
    issuer: bodyOfUnit(body.issuer as Body),
    jointIssuers: ((body.jointIssuers as Body[] | undefined) ?? []).map(bodyOfUnit),
    proposer: body.proposer ? bodyOfUnit(body.proposer as Body) : null,
    grantedOn: body.grantedOn,
    grantedOnPrecision: body.grantedOnPrecision ?? 'DAY',
    forYear: body.forYear ?? Number((body.grantedOn as string).slice(0, 4)),
    decisionNumber: text(body.decisionNumber) ?? null,
    recipients: recipientsOf(body),
    reason: text(body.reason),
    posthumous: body.posthumous ?? false,
    meetingId: null,
    movementId: null,
    regime: 'A',
  };
}

const recipientsOf = (body: Body) =>
  Object.fromEntries(
    Object.entries(body.recipients as Record<string, Body>).map(([kind, group]) => [kind, group.names ? { names: (group.names as string[]).map(text) } : { count: group.count, qualifier: group.qualifier ?? 'EXACT' }]),
  );

function expectedProposal(body: Body, proposalId: string): Json {
  return {
    proposalId,
    proposer: bodyOfUnit(body.proposer as Body),
    proposedTo: bodyOfUnit(body.proposedTo as Body),
    proposedOn: body.proposedOn,
    proposedOnPrecision: body.proposedOnPrecision ?? 'DAY',
    award: { form: body.form },
    forYear: body.forYear ?? Number((body.proposedOn as string).slice(0, 4)),
    recipients: recipientsOf(body),
    reason: text(body.reason),
    meetingId: null,
  };
}

function expectedDecision(body: Body, proposalId: string, grant?: { commendationId: string; decisionNumber: unknown }): Json {
  return {
    proposalId,
    decidedBy: bodyOfUnit(body.decidedBy as Body),
    decidedOn: body.decidedOn,
    outcome: body.outcome,
    commendationId: grant?.commendationId ?? null,
    decisionNumber: grant?.decisionNumber ?? null,
    reason: text(body.reason) ?? null,
  };
}

function expectedMovement(body: Body, movementId: string): Json {
  const period = body.period as Body;
  return {
    movementId,
    name: text(body.name),
    kind: body.kind,
    form: body.form,
    scope: body.scope,
    launchedBy: bodyOfUnit(body.launchedBy as Body),
    launchedOn: body.launchedOn,
    period: { from: period.from, to: period.to ?? null },
    criteria: ((body.criteria as string[] | undefined) ?? []).map(text),
    parentMovementId: null,
    meetingId: null,
  };
}

/** One accepted command: where it went and what its event must hold. */
interface Accepted {
  readonly route: string;
  readonly streamId: string;
  readonly eventId: string;
  readonly expected: Json;
  readonly body: Body;
}

describe('What is accepted is kept: generated commands round-trip through one running system', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  const accepted: Accepted[] = [];
  const records = (path: string) => `${system.url('records-api')}/v1/${path}`;
  const eventCount = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const idOf = (response: JsonResponse) => response.headers.get('location')!.split('/').pop()!;

  async function accept(route: string, path: string, body: Body, expected: (id: string) => Json, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const response = await postJson(records(path), body, headers);
    expect({ route, body, status: response.status, problem: response.status === 201 ? undefined : response.body }).toEqual({ route, body, status: 201, problem: undefined });
    const id = path.includes('/') ? path.split('/')[1] : idOf(response);
    accepted.push({ route, streamId: response.body.streamId, eventId: response.body.eventIds[0], expected: expected(id), body });
    return response;
  }

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: '100000' } });
    collector = await new MessageCollector(testKafka('e2e-round-trip'), allTopics(system.topicPrefix)).start();

    const sample = <T>(arbitrary: fc.Arbitrary<T>, salt: number) => fc.sample(arbitrary, { seed: SEED + salt, numRuns: VALID_PER_ENDPOINT });
    const meetings = sample(meetingBody(), 1);
    for (const body of meetings) await accept('POST /v1/meetings', 'meetings', body, (id) => expectedMeeting(body, id));
    const meetingIds = accepted.filter((a) => a.route === 'POST /v1/meetings').map((a) => a.streamId.replace('meeting-', ''));
    for (const [index, body] of sample(correctionBody(), 2).entries()) {
      const id = meetingIds[index];
      // A correction keeps the record's id; its event holds the whole corrected record and the reason.
      await accept('POST /v1/meetings/{id}/corrections', `meetings/${id}/corrections`, body, () => ({ meetingId: id, reason: text(body.reason), meeting: expectedMeeting(body.meeting as Body, id) }), { 'If-Match': '"1"' });
    }
    const grants = sample(commendationBody(), 3);
    for (const body of grants) await accept('POST /v1/commendations', 'commendations', body, (id) => expectedGrant(body, id));
    const grantIds = accepted.filter((a) => a.route === 'POST /v1/commendations').map((a) => ({ id: a.streamId.replace('commendation-', ''), grantedOn: a.body.grantedOn as string }));
    for (const { id, grantedOn } of grantIds) {
      const [body] = fc.sample(revocationBody(grantedOn), { seed: SEED + id.charCodeAt(0), numRuns: 1 });
      await accept('POST /v1/commendations/{id}/revocation', `commendations/${id}/revocation`, body, () => ({ commendationId: id, revokedOn: body.revokedOn, reason: text(body.reason), unitCode: PROPERTY_WARD }), { 'If-Match': '"1"' });
    }
    for (const body of sample(proposalBody(), 5)) await accept('POST /v1/commendation-proposals', 'commendation-proposals', body, (id) => expectedProposal(body, id));
    const proposals = accepted.filter((a) => a.route === 'POST /v1/commendation-proposals').map((a) => ({ id: a.streamId.replace('commendation-proposal-', ''), body: a.body }));
    for (const [index, { id, body: proposal }] of proposals.entries()) {
      const [refusal] = fc.sample(refusalBody(proposal.proposedOn as string), { seed: SEED + index, numRuns: 1 });
      if (index % 2) {
        await accept('POST /v1/commendation-proposals/{id}/decision', `commendation-proposals/${id}/decision`, refusal, () => expectedDecision(refusal, id), { 'If-Match': '"1"' });
        continue;
      }
      // Granted: the body asked grants the award proposed, then answers the proposal naming that grant.
      const [grant] = fc.sample(commendationBody(), { seed: SEED + 200 + index, numRuns: 1 });
      const grantBody = { ...grant, issuer: proposal.proposedTo, jointIssuers: [], proposer: proposal.proposer, grantedOn: refusal.decidedOn, grantedOnPrecision: 'DAY' };
      const granted = await accept('POST /v1/commendations (answering a proposal)', 'commendations', grantBody, (grantId) => expectedGrant(grantBody, grantId));
      const decision = { decidedBy: refusal.decidedBy, decidedOn: refusal.decidedOn, outcome: 'GRANTED', commendationId: idOf(granted) };
      await accept('POST /v1/commendation-proposals/{id}/decision', `commendation-proposals/${id}/decision`, decision, () =>
        expectedDecision(decision, id, { commendationId: idOf(granted), decisionNumber: text((grantBody as Body).decisionNumber) ?? null }), { 'If-Match': '"1"' });
    }
    for (const body of sample(movementBody(), 4)) await accept('POST /v1/emulation-movements', 'emulation-movements', body, (id) => expectedMovement(body, id));
    const movements = accepted.filter((a) => a.route === 'POST /v1/emulation-movements').map((a) => ({ id: a.streamId.replace('emulation-movement-', ''), launchedOn: a.body.launchedOn as string }));
    for (const { id, launchedOn } of movements) {
      const [body] = fc.sample(reviewBody(launchedOn), { seed: SEED + id.charCodeAt(0), numRuns: 1 });
      await accept('POST /v1/emulation-movements/{id}/reviews', `emulation-movements/${id}/reviews`, body, () => ({
        movementId: id,
        reviewKind: body.reviewKind,
        reviewedOn: body.reviewedOn,
        meetingId: null,
        findings: text(body.findings) ?? null,
        unitCode: PROPERTY_WARD,
      }));
    }
  });
  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  it('answers 201 to every generated valid body of every command, all sent to one records-api process', () => {
    const perRoute = new Map<string, number>();
    for (const { route } of accepted) perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
    expect(Object.fromEntries(perRoute)).toEqual({
      'POST /v1/meetings': VALID_PER_ENDPOINT,
      'POST /v1/meetings/{id}/corrections': VALID_PER_ENDPOINT,
      'POST /v1/commendations': VALID_PER_ENDPOINT,
      'POST /v1/commendations/{id}/revocation': VALID_PER_ENDPOINT,
      'POST /v1/emulation-movements': VALID_PER_ENDPOINT,
      'POST /v1/emulation-movements/{id}/reviews': VALID_PER_ENDPOINT,
      'POST /v1/commendation-proposals': VALID_PER_ENDPOINT,
      'POST /v1/commendations (answering a proposal)': VALID_PER_ENDPOINT / 2,
      'POST /v1/commendation-proposals/{id}/decision': VALID_PER_ENDPOINT,
    });
  });

  /** Each event's data as its keys open it, after checking that every name in it is sealed (docs/adr/0059). */
  async function opened(events: readonly { id: string; type: string; data: Json }[]): Promise<Map<string, Json>> {
    for (const { type, data } of events) {
      const names = personalValuesOf(type, data);
      expect({ type, unsealed: names.filter((name) => !sealedKeyIdOf(name)) }).toEqual({ type, unsealed: [] });
    }
    const open = await system.personalDataOpener().openEvents(events);
    return new Map(open.map((event) => [event.id, event.data]));
  }

  it('stores in each event exactly the data submitted (texts in NFC, without outer spaces), every name sealed', async () => {
    const { rows } = await system.database.pool.query<{ event_id: string; event_type: string; data: Json }>('SELECT event_id::text, event_type, data FROM events WHERE event_id = ANY($1::uuid[])', [accepted.map((a) => a.eventId)]);
    const stored = await opened(rows.map((row) => ({ id: row.event_id, type: row.event_type, data: row.data })));
    for (const { route, eventId, expected } of accepted) expect({ route, data: stored.get(eventId) }).toEqual({ route, data: expected });
  });

  it('publishes on Kafka exactly the data submitted, every name sealed', async () => {
    const ids = new Set(accepted.map((a) => a.eventId));
    await waitFor('every accepted event on Kafka', async () => collector.messages.filter((m) => ids.has(m.headers.ce_id)).length >= ids.size || undefined, { timeoutMs: 60_000 });
    const published = await opened(
      collector.messages.filter((m) => ids.has(m.headers.ce_id)).map((m) => ({ id: m.headers.ce_id, type: m.headers.ce_type.slice(CLOUD_EVENT_TYPE_PREFIX.length), data: JSON.parse(m.value) as Json })),
    );
    for (const { route, eventId, expected } of accepted) expect({ route, data: published.get(eventId) }).toEqual({ route, data: expected });
  });

  it('shows exactly the data submitted in the audit history of each record', async () => {
    for (const { route, streamId, eventId, expected } of accepted) {
      const history = await getJson(`${system.url('query-api')}/v1/audit/streams/${streamId}`);
      const version = (history.body.versions as { eventId: string; data: Json }[]).find((v) => v.eventId === eventId);
      expect({ route, data: version?.data }).toEqual({ route, data: expected });
    }
  });

  it('shows what each list shows of a record exactly as submitted, once the projector has it', async () => {
    const list = async (path: string, key: string) => {
      const items = new Map<string, Json>();
      let after: string | undefined;
      do {
        const page = await getJson(`${system.url('query-api')}/v1/${path}${after ? `&after=${after}` : ''}`);
        expect(page.status).toBe(200);
        for (const item of page.body.items as Json[]) items.set(item[key] as string, item);
        after = page.body.nextCursor ?? undefined;
      } while (after);
      return items;
    };
    const latest = new Map<string, Accepted>();
    for (const a of accepted) latest.set(a.streamId, a);
    const meetingsShown = await waitFor('every meeting in the list', async () => {
      const items = await list(`meetings?unitCode=${PROPERTY_WARD}&limit=100`, 'meetingId');
      return items.size >= VALID_PER_ENDPOINT && [...items.values()].every((m) => m.corrections === 1) ? items : undefined;
    }, { timeoutMs: 60_000 });
    for (const { streamId, expected } of [...latest.values()].filter((a) => a.route.startsWith('POST /v1/meetings/'))) {
      const meeting = expected.meeting as Json;
      expect(meetingsShown.get(streamId.replace('meeting-', ''))).toEqual({
        meetingId: meeting.meetingId, unitCode: meeting.unitCode, kind: meeting.kind, title: meeting.title, heldOn: meeting.heldOn, attendeeCount: meeting.attendeeCount, corrections: 1,
      });
    }
    const grants = accepted.filter((a) => a.route === 'POST /v1/commendations');
    const grantsShown = await waitFor('every revoked grant in the list', async () => {
      const items = await list(`commendations?unitCode=${PROPERTY_WARD}&limit=100`, 'commendationId');
      return grants.every(({ expected }) => items.get(expected.commendationId as string)?.revokedOn) ? items : undefined;
    }, { timeoutMs: 60_000 });
    const revocations = new Map(accepted.filter((a) => a.route.endsWith('/revocation')).map((a) => [a.streamId, a.expected]));
    for (const { streamId, expected } of grants) {
      const count = (kind: string) => {
        const group = (expected.recipients as Record<string, { count?: number; names?: string[] }>)[kind];
        return group ? (group.count ?? group.names!.length) : 0;
      };
      expect(grantsShown.get(expected.commendationId as string)).toEqual({
        commendationId: expected.commendationId,
        award: 'GIAY_KHEN',
        awardKind: expect.any(String),
        issuer: expected.issuer,
        jointIssuers: expected.jointIssuers ?? [],
        grantedOn: expected.grantedOn,
        grantedOnPrecision: expected.grantedOnPrecision,
        forYear: expected.forYear,
        recipients: { collectives: count('collectives'), individuals: count('individuals'), households: count('households') },
        recipientQualifiers: Object.fromEntries(
          Object.entries(expected.recipients as Record<string, { qualifier?: string }>).flatMap(([kind, group]) => (group.qualifier && group.qualifier !== 'EXACT' ? [[kind, group.qualifier]] : [])),
        ),
        regime: 'A',
        revokedOn: revocations.get(streamId)!.revokedOn,
      });
    }
    const movementsShown = await waitFor('every reviewed movement in the list', async () => {
      const items = await list(`emulation-movements?unitCode=${PROPERTY_WARD}&limit=100`, 'movementId');
      return items.size >= VALID_PER_ENDPOINT ? items : undefined;
    }, { timeoutMs: 60_000 });
    for (const { expected } of accepted.filter((a) => a.route === 'POST /v1/emulation-movements')) {
      expect(movementsShown.get(expected.movementId as string)).toMatchObject({
        movementId: expected.movementId, name: expected.name, kind: expected.kind, form: expected.form, scope: expected.scope, launchedBy: expected.launchedBy, launchedOn: expected.launchedOn, period: expected.period,
      });
    }
  });

  it('shows every grant by its id exactly as submitted, with its revocation and its version', async () => {
    const revocations = new Map(accepted.filter((a) => a.route.endsWith('/revocation')).map((a) => [a.streamId, a.expected]));
    const answered = new Map(accepted.filter((a) => a.route.endsWith('/decision') && a.expected.commendationId).map((a) => [a.expected.commendationId, a.expected.proposalId]));
    expect(answered.size).toBe(VALID_PER_ENDPOINT / 2);
    for (const { route, streamId, expected } of accepted.filter((a) => a.route.startsWith('POST /v1/commendations ') || a.route === 'POST /v1/commendations')) {
      const revoked = revocations.get(streamId);
      const shown = await waitFor(`${streamId} by its id`, async () => {
        const response = await getJson(`${system.url('query-api')}/v1/commendations/${expected.commendationId}`);
        const caughtUp = (response.body.status === 'REVOKED') === Boolean(revoked) && response.body.answersProposal === (answered.get(expected.commendationId) ?? null);
        return response.status === 200 && caughtUp ? response : undefined;
      }, { timeoutMs: 60_000 });
      expect({ route, body: shown.body }).toEqual({
        route,
        body: {
          commendation: expected,
          status: revoked ? 'REVOKED' : 'IN_FORCE',
          revocation: revoked ? { revokedOn: revoked.revokedOn, reason: revoked.reason } : null,
          withdrawal: null,
          answersProposal: answered.get(expected.commendationId) ?? null,
          version: revoked ? 2 : 1,
        },
      });
      expect(shown.headers.get('etag')).toBe(`"${revoked ? 2 : 1}"`);
    }
  });

  it('shows every meeting by its id exactly as last recorded (every field), with its corrections and its version', async () => {
    const corrected = accepted.filter((a) => a.route === 'POST /v1/meetings/{id}/corrections');
    expect(corrected.length).toBe(VALID_PER_ENDPOINT);
    for (const { route, streamId, expected } of corrected) {
      const meeting = expected.meeting as Json;
      const shown = await waitFor(`${streamId} by its id`, async () => {
        const response = await getJson(`${system.url('query-api')}/v1/meetings/${meeting.meetingId}`);
        return response.status === 200 && response.body.version === 2 ? response : undefined;
      }, { timeoutMs: 60_000 });
      expect({ route, body: shown.body }).toEqual({ route, body: { meeting, corrections: 1, version: 2 } });
      expect(shown.headers.get('etag')).toBe('"2"');
    }
  });

  it('shows every movement by its id exactly as launched (every field), with its reviews, its status and its version', async () => {
    const reviews = new Map(accepted.filter((a) => a.route.endsWith('/reviews')).map((a) => [a.streamId, a.expected]));
    for (const { route, streamId, expected } of accepted.filter((a) => a.route === 'POST /v1/emulation-movements')) {
      const review = reviews.get(streamId)!;
      const shown = await waitFor(`${streamId} by its id`, async () => {
        const response = await getJson(`${system.url('query-api')}/v1/emulation-movements/${expected.movementId}`);
        return response.status === 200 && response.body.version === 2 ? response : undefined;
      }, { timeoutMs: 60_000 });
      const concluded = review.reviewKind === 'TONG_KET';
      const { movementId: _movementId, ...reviewShown } = review;
      expect({ route, body: shown.body }).toEqual({
        route,
        body: { movement: expected, status: concluded ? 'CONCLUDED' : 'ACTIVE', concludedOn: concluded ? review.reviewedOn : null, reviews: [reviewShown], version: 2 },
      });
      expect(shown.headers.get('etag')).toBe('"2"');
    }
  });

  it('shows every proposal exactly as submitted, with the decision that answered it, alone and in the list', async () => {
    const decisions = new Map(accepted.filter((a) => a.route.endsWith('/decision')).map((a) => [a.streamId, a.expected]));
    const shown = (proposal: Json, decision: Json): Json => ({
      ...proposal,
      award: (proposal.award as Json).form,
      awardKind: 'FORM',
      status: decision.outcome,
      decision: { decidedOn: decision.decidedOn, commendationId: decision.commendationId, decisionNumber: decision.decisionNumber, reason: decision.reason },
    });
    const proposals = accepted.filter((a) => a.route === 'POST /v1/commendation-proposals');
    for (const { streamId, expected } of proposals) {
      const proposalId = expected.proposalId as string;
      const one = await waitFor(`proposal ${proposalId} answered`, async () => {
        const response = await getJson(`${system.url('query-api')}/v1/commendation-proposals/${proposalId}`);
        return response.status === 200 && response.body.status !== 'PROPOSED' ? response.body : undefined;
      }, { timeoutMs: 60_000 });
      expect(one).toEqual(shown(expected, decisions.get(streamId)!));
    }
    const listed: Json[] = [];
    let after: string | undefined;
    do {
      const page = await getJson(`${system.url('query-api')}/v1/commendation-proposals?unitCode=${PROPERTY_WARD}&limit=7${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      listed.push(...(page.body.items as Json[]));
      after = page.body.nextCursor ?? undefined;
    } while (after);
    expect(new Set(listed.map((item) => item.proposalId))).toEqual(new Set(proposals.map((a) => a.expected.proposalId)));
    const refused = await getJson(`${system.url('query-api')}/v1/commendation-proposals?unitCode=${PROPERTY_WARD}&status=REFUSED&limit=100`);
    expect(refused.body.items).toHaveLength(VALID_PER_ENDPOINT / 2);
  });

  it('refuses every generated wrong body with 400 naming the field, and records nothing', async () => {
    const [meetingId] = accepted.filter((a) => a.route === 'POST /v1/meetings').map((a) => a.streamId.replace('meeting-', ''));
    const [grantId] = accepted.filter((a) => a.route === 'POST /v1/commendations').map((a) => a.streamId.replace('commendation-', ''));
    const [movementId] = accepted.filter((a) => a.route === 'POST /v1/emulation-movements').map((a) => a.streamId.replace('emulation-movement-', ''));
    const [proposalId] = accepted.filter((a) => a.route === 'POST /v1/commendation-proposals').map((a) => a.streamId.replace('commendation-proposal-', ''));
    const endpoints = [
      { path: 'meetings', dto: RecordMeetingRequestDto, bodies: meetingBody() },
      { path: `meetings/${meetingId}/corrections`, dto: CorrectMeetingRequestDto, bodies: correctionBody() },
      { path: 'commendations', dto: GrantCommendationRequestDto, bodies: commendationBody() },
      { path: `commendations/${grantId}/revocation`, dto: RevokeCommendationRequestDto, bodies: revocationBody('2021-06-01') },
      { path: 'emulation-movements', dto: LaunchEmulationMovementRequestDto, bodies: movementBody() },
      { path: `emulation-movements/${movementId}/reviews`, dto: ReviewEmulationMovementRequestDto, bodies: reviewBody('2021-06-01') },
      { path: 'commendation-proposals', dto: ProposeCommendationRequestDto, bodies: proposalBody() },
      { path: `commendation-proposals/${proposalId}/decision`, dto: DecideProposalRequestDto, bodies: refusalBody('2021-06-01') },
    ];
    const before = await eventCount();
    const failures: string[] = [];
    let sent = 0;
    for (const [index, { path, dto, bodies }] of endpoints.entries()) {
      const wrongBodies = fc.sample(bodies.chain((body) => fc.constantFrom(...wrongBodiesOf(body, dto))), { seed: SEED + 100 + index, numRuns: WRONG_PER_ENDPOINT });
      for (const { pointer, what, body } of wrongBodies) {
        const response = await postJson(records(path), body, { 'If-Match': '"1"' });
        sent += 1;
        if (response.status !== 400 || !namesThePlace(response.body.errors, pointer)) failures.push(`${path} with ${what} at ${pointer}: ${response.status} ${JSON.stringify(response.body.errors ?? response.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBe(endpoints.length * WRONG_PER_ENDPOINT);
    expect(await eventCount()).toBe(before);
  });
});
