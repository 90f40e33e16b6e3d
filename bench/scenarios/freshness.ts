import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { createKafka, ensureTopics, createIdempotentProducer, topicForStreamType } from '@civic/messaging';
import { READ_MODEL_CHANGES } from '@civic/database';
import { BenchEnvironment } from '../environment';
import { Figure, figure, nowMs, percentile } from '../measure';
import { startServices } from '../services';

import { meetingRequest, officialWards, WardPicker } from '../workload';

export interface FreshnessLoad {
  /** Commands a second, sent whether or not the last ones were answered. */
  readonly rate: number;
  /** Seconds measured. */
  readonly seconds: number;
  /** Seconds of raw produce-and-consume at the rate that the broker gets before either side is measured. */
  readonly brokerWarmUpSeconds: number;
  /** Seconds of the pipeline's load at the rate before its clock starts. */
  readonly pipelineWarmUpSeconds: number;
  /** Seconds of the second pass, at the rate, that says where the time goes (with a Kafka consumer watching). */
  readonly breakdownSeconds: number;
}

/** Sends `count` things at a fixed rate without waiting for answers (open loop), and resolves when all are sent. */
async function atFixedRate(rate: number, count: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = nowMs();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // Caught at once: a failure must end the scenario through its cleanup, not crash the process unhandled.
    inFlight.push(send(i).then(() => undefined, (error: unknown) => error));
  }
  const failures = (await Promise.all(inFlight)).filter((outcome) => outcome !== undefined);
  if (failures.length) throw new Error(`${failures.length} of ${count} sends failed: ${String(failures[0])}`);
}

/** Kept-alive sockets for the load: node:http costs the loaded machine less CPU per request than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function postJson(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * POSTs a command with an Idempotency-Key and sends it again if the connection fails (a kept-alive socket the
 * server has just closed): the key makes the retry safe, as it is for any client of records-api.
 */
async function postWithRetry(url: string, token: string, body: string, attempts = 3): Promise<{ status: number; body: string }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await postJson(url, headers, body);
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

/**
 * 3. Freshness: from the 201 of a command to the meeting being in the read model the ward summary reads
 * (rm_meetings, looked at on each change the projector announces), at a fixed arrival rate, against a raw kafkajs produce-to-consume round trip
 * of messages of the same size at the same rate. Where the time goes (the relay's send, a Kafka consumer) is
 * measured in a second, shorter pass at the same rate, so that the consumer watching for it is not in the figure.
 */
export async function freshnessScenario(environment: BenchEnvironment, { rate, seconds, brokerWarmUpSeconds, pipelineWarmUpSeconds, breakdownSeconds }: FreshnessLoad): Promise<Figure[]> {
  // A broker that has just started spends a core compiling its hot paths (its C2 compiler thread: 25–50 % of a
  // core for the first 20 s of load on an otherwise idle machine). Measured before this warm-up, the pipeline got a
  // cold broker and the floor after it a warm one; now both get a warm one, as a broker up for days in service.
  await kafkaRoundTrip(environment, rate, rate * brokerWarmUpSeconds);
  const { url, pool } = await environment.database('freshness', { withRegistry: true });
  const prefix = `bench-fresh-${randomBytes(3).toString('hex')}.`;
  const services = await startServices(environment, url, ['records-api', 'event-relay', 'projector'], prefix);
  const picker = new WardPicker(officialWards(['01', '48']));
  const count = rate * seconds;
  /** When each meeting's 201 came; `pending` are those not yet seen in the read model. */
  const ackedAt = new Map<string, number>();
  const pending = new Set<string>();
  const visibleAfter: number[] = [];
  // Where the time goes, measured in a second pass: when each meeting's event reaches a Kafka consumer (the
  // projector's side of the pipe), and when the relay sent it (its message's time stamp, set by the relay's
  // producer, in wall-clock time). A pass of its own because the watching consumer loads the saturated machine
  // too: during the measured minute it added about 5 ms to the p99 it would have explained.
  const onKafkaAt = new Map<string, number>();
  const ackedAtWallClock = new Map<string, number>();
  const sentByRelayAt = new Map<string, number>();
  const watchKafka = createKafka('bench-freshness-watch', { brokers: environment.kafka.brokers });
  // Long-polling, as the projector's consumer: a fetch returns as soon as a message arrives, without polling.
  const watcher = watchKafka.consumer({ groupId: `${prefix}watch` });
  // The read model is looked at when the projector announces a change (Postgres notifies on its commit), not
  // every few milliseconds: polling at 2 ms cost the loaded machine 500 queries a second. A slow poll backs it up.
  const listener = new Client({ connectionString: url });
  await listener.connect();
  await listener.query(`LISTEN ${READ_MODEL_CHANGES}`);
  let changed = false;
  let wake: (() => void) | undefined;
  listener.on('notification', () => {
    changed = true;
    wake?.();
  });
  let polling = true;
  const poller = (async () => {
    while (polling || pending.size) {
      changed = false;
      if (pending.size) {
        const { rows } = await pool.query<{ meeting_id: string }>('SELECT meeting_id::text FROM rm_meetings WHERE meeting_id = ANY($1::uuid[])', [[...pending]]);
        const seenAt = nowMs();
        for (const { meeting_id } of rows) {
          visibleAfter.push(seenAt - ackedAt.get(meeting_id)!);
          pending.delete(meeting_id);
        }
      }
      if (!changed) await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, 50); });
      wake = undefined;
    }
  })();
  const post = async (i: number): Promise<string | undefined> => {
    const response = await postWithRetry(`${services.urls['records-api']}/v1/meetings`, services.token, JSON.stringify(meetingRequest(picker.next(), 2023, i)));
    if (response.status !== 201) return undefined;
    const meetingId = (JSON.parse(response.body) as { streamId: string }).streamId.replace('meeting-', '');
    ackedAt.set(meetingId, nowMs());
    ackedAtWallClock.set(meetingId, Date.now());
    pending.add(meetingId);
    return meetingId;
  };
  /** Whether `seen` came true within `ms`, looked at every 20 ms. */
  const seenWithin = async (ms: number, seen: () => boolean): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (!seen()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  };
  const untilSeen = async (what: string, seen: () => boolean) => {
    if (!(await seenWithin(60_000, seen))) throw new Error(`freshness: ${what} not seen within 60 s`);
  };
  /** Commands numbered from `first`, at the rate; a failed one fails the scenario. */
  const load = async (what: string, first: number, commands: number) => {
    let failures = 0;
    await atFixedRate(rate, commands, async (i) => {
      if (!(await post(first + i))) failures += 1;
    });
    if (failures) throw new Error(`freshness: ${failures} of ${what} failed`);
  };
  let freshness: number[] = [];
  try {
    await ensureTopics(watchKafka, [topicForStreamType('meeting', prefix)]);
    // The clock starts once the pipeline is warm, as the floor's does once its consumer has joined: a consumer
    // still joining its group holds the first seconds' events back, and a broker, services and Postgres that have
    // just started compile and cache their hot paths while the first thousand commands go through (the broker
    // kept compiling for 40 s of this load after its own warm-up, above). That is start-up, not freshness.
    await load('the warm-up commands', count, rate * pipelineWarmUpSeconds);
    await untilSeen('the warm-up load', () => !pending.size);
    visibleAfter.length = 0;
    ackedAt.clear();
    await load('the measured commands', 0, count);
    await untilSeen('every meeting', () => !pending.size);
    freshness = [...visibleAfter];

    await watcher.connect();
    // From the topic's end: read from its start, the watcher's catch-up (the minute's 18,000 events) loaded the
    // machine into the first seconds of the pass.
    await watcher.subscribe({ topic: topicForStreamType('meeting', prefix), fromBeginning: false });
    await watcher.run({
      eachMessage: async ({ message }) => {
        const meetingId = message.key!.toString().replace('meeting-', '');
        onKafkaAt.set(meetingId, nowMs());
        sentByRelayAt.set(meetingId, Number(message.timestamp));
      },
    });
    // The watcher is in place once it sees a meeting recorded after it started; one recorded before it had found
    // the topic's end may pass it by, so a meeting is recorded every second until one is seen.
    for (let mark = 0; ; mark += 1) {
      const id = await post(count * 3 + mark);
      if (id === undefined) throw new Error('freshness: a command failed');
      if (await seenWithin(1000, () => onKafkaAt.has(id))) break;
      if (mark === 30) throw new Error('freshness: the watching consumer saw nothing in 30 s');
    }
    // And warm: its first seconds (kafkajs's code compiling in this process) stretched the pass's tail.
    await load('the watcher\'s warm-up commands', count * 3 + 100, rate * Math.min(5, breakdownSeconds));
    await untilSeen('the meetings before the pass', () => !pending.size);
    ackedAt.clear();
    visibleAfter.length = 0;
    await load('the breakdown commands', count * 4, rate * breakdownSeconds);
    await untilSeen('every meeting of the breakdown', () => !pending.size && [...ackedAt.keys()].every((id) => onKafkaAt.has(id)));
  } finally {
    polling = false;
    pending.clear();
    wake?.();
    await poller;
    await listener.end();
    await watcher.disconnect();
    await services.stop();
  }
  const onKafkaAfter = [...ackedAt].filter(([id]) => onKafkaAt.has(id)).map(([id, at]) => onKafkaAt.get(id)! - at);
  const sentAfter = [...ackedAt.keys()].filter((id) => sentByRelayAt.has(id)).map((id) => sentByRelayAt.get(id)! - ackedAtWallClock.get(id)!);

  const floor = await kafkaRoundTrip(environment, rate, count);
  const name = `freshness at ${rate} commands/s for ${seconds} s`;
  const breakdown = `freshness, where the time goes: a second pass of ${breakdownSeconds} s at ${rate} commands/s with a Kafka consumer watching`;
  return [
    figure(name, 'p50 201 → in summary', 'ms', percentile(freshness, 50), { name: 'raw Kafka round trip p50', value: percentile(floor, 50) }),
    figure(name, 'p95 201 → in summary', 'ms', percentile(freshness, 95), { name: 'raw Kafka round trip p95', value: percentile(floor, 95) }),
    figure(name, 'p99 201 → in summary', 'ms', percentile(freshness, 99), { name: 'raw Kafka round trip p99', value: percentile(floor, 99) }, (r, v) => ({ text: 'p99 ≤ 5 × raw round trip and < 250 ms', met: (r ?? Infinity) <= 5 && v < 250 })),
    figure(breakdown, 'p50 201 → sent by the relay', 'ms', percentile(sentAfter, 50)),
    figure(breakdown, 'p99 201 → sent by the relay', 'ms', percentile(sentAfter, 99)),
    figure(breakdown, 'p50 201 → at a Kafka consumer', 'ms', percentile(onKafkaAfter, 50), { name: 'raw Kafka round trip p50', value: percentile(floor, 50) }),
    figure(breakdown, 'p99 201 → at a Kafka consumer', 'ms', percentile(onKafkaAfter, 99), { name: 'raw Kafka round trip p99', value: percentile(floor, 99) }),
    figure(breakdown, 'p99 201 → in summary', 'ms', percentile(visibleAfter, 99), { name: 'raw Kafka round trip p99', value: percentile(floor, 99) }),
  ];
}

/** The floor: produce-to-consume latency of a kafkajs idempotent producer and a consumer, at the same rate. */
async function kafkaRoundTrip(environment: BenchEnvironment, rate: number, count: number): Promise<number[]> {
  const kafka = createKafka('bench-roundtrip', { brokers: environment.kafka.brokers });
  const topic = `bench-roundtrip-${randomBytes(3).toString('hex')}`;
  await ensureTopics(kafka, [topic]);
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  const producer = createIdempotentProducer(kafka);
  const latencies: number[] = [];
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachMessage: async ({ message }) => { latencies.push(nowMs() - Number(message.headers!.sent!.toString())); } });
  const value = JSON.stringify(meetingRequest(officialWards(['01'])[0], 2023, 1));
  await joined; // the consumer has its partitions before the clock starts
  await atFixedRate(rate, count, async (i) => {
    await producer.send({ topic, acks: -1, messages: [{ key: `k${i}`, value, headers: { sent: String(nowMs()) } }] });
  });
  const deadline = Date.now() + 30_000;
  while (latencies.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  return latencies;
}
