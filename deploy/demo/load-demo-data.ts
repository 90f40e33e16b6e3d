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
  const meetingIds = new Map<string, string>();
  const failures: { key: string; status: number; detail: string }[] = [];
  for (const fact of facts) {
    const meetingId = fact.atMeeting ? meetingIds.get(fact.atMeeting) : undefined;
    const response = await fetch(`${recordsApiUrl}${fact.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': fact.key, 'x-correlation-id': 'demo-data' },
      body: JSON.stringify(meetingId ? { ...fact.body, meetingId } : fact.body),
    });
    const body = (await response.json()) as { streamId?: string; detail?: string };
    if (response.status !== 201) {
      failures.push({ key: fact.key, status: response.status, detail: body.detail ?? JSON.stringify(body) });
      continue;
    }
    if (fact.path === '/v1/meetings' && body.streamId) meetingIds.set(fact.key, body.streamId.replace(/^meeting-/, ''));
  }
  return { recorded: facts.length - failures.length, failures };
}
