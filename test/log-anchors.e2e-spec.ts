import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { anchorSignatureIsValid, parseAnchorLines, readAnchorPublicKeys, SignedLogAnchor } from '@civic/event-store';
import { logAnchorTopic } from '@civic/messaging';
import { repoRoot } from '@civic/local-run';
import { MessageCollector, rewriteWithRecomputedHashes, runCommand, RunningSystem, testKafka, waitFor } from '@civic/testing';
import { getJson, minhKhaiReview, postJson } from './meeting-requests';

/**
 * Issue #33 item 3: the relay signs the log's anchors on its timer and publishes them to their Kafka topic and to a
 * file; `verify` checks the log against the file and names an event rewritten with every hash recomputed.
 */
describe('Signed anchors of the log', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  const cli = (...args: string[]) =>
    runCommand(process.execPath, [join(repoRoot, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], system.cliEnvironment());
  const anchorsInFile = () => {
    try {
      return parseAnchorLines(readFileSync(system.anchorFile, 'utf8'));
    } catch {
      return [];
    }
  };
  /** Waits until the anchors in the file reach every event the log holds. */
  const anchoredEverything = () =>
    waitFor(
      'the relay to anchor every event',
      async () => {
        const { rows } = await system.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
        const anchors = anchorsInFile();
        const anchored = new Set(anchors.flatMap((signed) => signed.anchor.events.map((e) => e.position))).size;
        return anchored === rows[0].n ? anchors : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { ANCHOR_INTERVAL_MS: '1000' } });
    collector = await new MessageCollector(testKafka(), [logAnchorTopic(system.topicPrefix)]).start();
  });
  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  it('signs every event into the anchor file and onto the anchors topic, each signature checking out', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: `Hội nghị được ký số ${i}` }));
      expect(response.status).toBe(201);
      created.push(response.body.streamId);
    }
    const anchors = await anchoredEverything();
    const keys = readAnchorPublicKeys([system.anchorKey.publicKeyFile]);
    expect(anchors.every((signed) => anchorSignatureIsValid(signed, keys))).toBe(true);
    const anchoredStreams = new Set(anchors.flatMap((signed) => signed.anchor.events.map((e) => e.streamId)));
    for (const streamId of created) expect(anchoredStreams.has(streamId)).toBe(true);

    // The same anchors on Kafka, in order, on one partition.
    await waitFor('the anchors on Kafka', async () => collector.messages.length >= anchors.length || undefined, { timeoutMs: 30_000 });
    const onKafka = collector.messages.map((message) => JSON.parse(message.value) as SignedLogAnchor);
    expect(onKafka.slice(0, anchors.length)).toEqual(anchors);
    expect(new Set(collector.messages.map((message) => message.partition))).toEqual(new Set([0]));

    const verified = await cli('verify', '--anchors', system.anchorFile, '--anchor-key', system.anchorKey.publicKeyFile);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(/^intact: /m);
    expect(verified.stdout).toMatch(/^anchored: \d+ events match \d+ signed anchors/m);

    // An auditor's copy taken from Kafka checks out the same.
    const exported = join(dirname(system.anchorFile), 'exported.jsonl');
    const exporting = await cli('anchors', 'export', exported);
    expect({ code: exporting.code, stderr: exporting.stderr }).toEqual({ code: 0, stderr: '' });
    expect(parseAnchorLines(readFileSync(exported, 'utf8')).slice(0, anchors.length)).toEqual(anchors);
    expect((await cli('verify', '--anchors', exported, '--anchor-key', system.anchorKey.publicKeyFile)).code).toBe(0);
  });

  it('names the event rewritten with every hash recomputed, which the hash chain alone finds intact', async () => {
    const response = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị sẽ bị sửa lén' }));
    expect(response.status).toBe(201);
    await anchoredEverything();
    const { rows } = await system.database.pool.query<{ stream_id: string; event_id: string; data: Record<string, unknown> }>(
      'SELECT stream_id, event_id, data FROM events WHERE stream_id = $1 AND stream_version = 1',
      [response.body.streamId],
    );
    const [target] = rows;

    await rewriteWithRecomputedHashes(system.database.url, target.stream_id, 1, { ...target.data, title: 'Hội nghị chưa từng diễn ra như vậy' });

    const chainOnly = await cli('verify', '--stream', target.stream_id);
    expect(chainOnly.code).toBe(0);
    // An auditor verifying the record over HTTP is told the same: the chain holds, the anchors do not.
    const overHttp = await getJson(`${system.url('query-api')}/v1/audit/streams/${target.stream_id}/verify`);
    expect(overHttp.status).toBe(200);
    expect(overHttp.body).toMatchObject({
      intact: false,
      firstBrokenLink: null,
      anchors: { checked: true, intact: false, problems: [{ kind: 'event-rewritten', event: { streamId: target.stream_id, streamVersion: 1, eventId: target.event_id } }] },
    });
    const verified = await cli('verify', '--anchors', system.anchorFile, '--anchor-key', system.anchorKey.publicKeyFile);
    expect(verified.code).toBe(2);
    expect(verified.stdout).toMatch(/^intact: /m);
    expect(verified.stdout).toContain('ALTERED: 1 problem(s)');
    expect(verified.stdout).toContain(`event-rewritten in anchor`);
    expect(verified.stdout).toContain(`stream ${target.stream_id} version 1 (event ${target.event_id})`);
    // The anchors the database keeps say the same, and without the key nobody can sign new ones to match.
    const againstStored = await cli('verify', '--anchor-key', system.anchorKey.publicKeyFile);
    expect(againstStored.code).toBe(2);
    expect(againstStored.stdout).toContain(`stream ${target.stream_id} version 1`);
  });

  it('signs on demand from the CLI, continuing the relay’s chain of anchors', async () => {
    const before = anchorsInFile().length;
    const response = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị ký theo yêu cầu' }));
    expect(response.status).toBe(201);
    // Whichever signs it first, the relay or the CLI, the anchors stay one chain.
    const signed = await cli('anchors', 'sign', '--key', system.anchorKey.privateKeyFile, '--file', system.anchorFile);
    expect({ code: signed.code, stderr: signed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(signed.stdout).toMatch(/^(signed \d+ anchor\(s\)|nothing to anchor)/);
    const anchors = await anchoredEverything();
    expect(anchors.length).toBeGreaterThan(before);
    const sequences = anchors.map((a) => a.anchor.sequence);
    expect(new Set(sequences).size).toBe(Math.max(...sequences));
  });
});
