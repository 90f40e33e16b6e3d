import { SEED_FACTS, SeedFact } from './seed-facts';

export interface DemoLoadReport {
  readonly recorded: number;
  readonly failures: readonly { readonly key: string; readonly status: number; readonly detail: string }[];
}

/**
 * Records the seed facts through the public API with the given bearer token. Each request carries its fact's
 * Idempotency-Key, so loading again (every `npm start`) returns the first answers and records nothing twice
 * (keys are scoped to the token's subject, so it must stay the same).
 */
export async function loadDemoData(recordsApiUrl: string, token: string, facts: readonly SeedFact[] = SEED_FACTS): Promise<DemoLoadReport> {
  const meetings = new Map<string, { id: string; version: number }>();
  const failures: { key: string; status: number; detail: string }[] = [];
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
  return { recorded: facts.length - failures.length, failures };
}
