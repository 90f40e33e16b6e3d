import { SEED_FACTS, SeedFact, WITHDRAWN_EARLIER } from './seed-facts';

export interface DemoLoadReport {
  readonly recorded: number;
  /** Records of earlier loads withdrawn as made in error (WITHDRAWN_EARLIER). */
  readonly withdrawn: number;
  readonly failures: readonly { readonly key: string; readonly status: number; readonly detail: string }[];
}

/**
 * Records the seed facts through the public API with the given bearer token. Each request carries its fact's
 * Idempotency-Key, so loading again (every `npm start`) returns the first answers and records nothing twice
 * (keys are scoped to the token's subject, so it must stay the same).
 */
export async function loadDemoData(urls: { recordsApi: string; queryApi: string }, token: string, facts: readonly SeedFact[] = SEED_FACTS): Promise<DemoLoadReport> {
  const recordsApiUrl = urls.recordsApi;
  const meetings = new Map<string, { id: string; version: number }>();
  const failures: { key: string; status: number; detail: string }[] = [];
  // First, so that a fact recorded right is not refused as the second award of an achievement the wrong record holds.
  const withdrawn = await withdrawEarlierRecords(urls, token, failures);
  for (const fact of facts) {
    const meetingId = fact.atMeeting ? meetings.get(fact.atMeeting)?.id : undefined;
    const corrected = fact.corrects ? meetings.get(fact.corrects) : undefined;
    const response = await fetch(`${recordsApiUrl}${fact.path.replace('{id}', corrected?.id ?? '')}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': fact.key,
        'x-correlation-id': 'demo-data',
        // A correction names the version it was decided on; a reload's retry gets the first answer by its key.
        ...(corrected ? { 'if-match': `"${corrected.version}"` } : {}),
      },
      body: JSON.stringify(meetingId ? { ...fact.body, meetingId } : fact.body),
    });
    const body = (await response.json()) as { streamId?: string; streamVersion?: number; detail?: string };
    if (response.status !== 201) {
      failures.push({ key: fact.key, status: response.status, detail: body.detail ?? JSON.stringify(body) });
      continue;
    }
    const meetingKey = fact.path === '/v1/meetings' ? fact.key : fact.corrects;
    if (meetingKey && body.streamId) meetings.set(meetingKey, { id: body.streamId.replace(/^meeting-/, ''), version: body.streamVersion ?? 1 });
  }
  return { recorded: facts.length - failures.filter((f) => !f.key.endsWith('-withdrawal')).length, withdrawn, failures };
}

interface AuditedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: Parameters<(typeof WITHDRAWN_EARLIER)[number]['matches']>[0];
}

/** Grants an earlier load recorded that WITHDRAWN_EARLIER names and that are still in force, withdrawn as made in error. */
async function withdrawEarlierRecords(urls: { recordsApi: string; queryApi: string }, token: string, failures: { key: string; status: number; detail: string }[]): Promise<number> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': 'demo-data' };
  const audit = async <T>(path: string): Promise<T> => (await (await fetch(`${urls.queryApi}/v1/audit/${path}`, { headers })).json()) as T;
  let withdrawn = 0;
  for (const earlier of WITHDRAWN_EARLIER) {
    const { items } = await audit<{ items: AuditedEvent[] }>(`events?unitCode=${earlier.unitCode}&type=CommendationGranted&correlationId=demo-data&limit=100`);
    for (const grant of items.filter((event) => earlier.matches(event.data))) {
      const { versions } = await audit<{ versions: { type: string }[] }>(`streams/${grant.streamId}`);
      if (versions.some((version) => version.type === 'CommendationRecordWithdrawn')) continue;
      const key = `${earlier.key}-withdrawal`;
      const response = await fetch(`${urls.recordsApi}/v1/commendations/${grant.streamId.replace(/^commendation-/, '')}/withdrawal`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': key, 'if-match': `"${versions.length}"` },
        body: JSON.stringify({ reason: earlier.reason }),
      });
      if (response.status === 201) withdrawn += 1;
      else failures.push({ key, status: response.status, detail: ((await response.json()) as { detail?: string }).detail ?? '' });
    }
  }
  return withdrawn;
}
