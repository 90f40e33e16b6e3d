/**
 * One topic per aggregate family, keyed by stream id so each stream stays in one partition, in order.
 * KAFKA_TOPIC_PREFIX lets several environments (or test runs) share one cluster; it is empty in production.
 */
export const TOPIC_BY_STREAM_TYPE: Readonly<Record<string, string>> = {
  meeting: 'civic.meetings.v1',
  commendation: 'civic.commendations.v1',
  'award-reservation': 'civic.award-reservations.v1',
  'commendation-proposal': 'civic.commendation-proposals.v1',
  'emulation-movement': 'civic.emulation-movements.v1',
  'admin-unit': 'civic.admin-units.v1',
  'personal-data-erasure': 'civic.personal-data-erasures.v1',
};

/**
 * The signed anchors of the log (docs/adr/0058): one partition, so they arrive in the order they were signed.
 * Not an event topic: the projectors do not read it.
 */
export const LOG_ANCHOR_TOPIC = 'civic.log-anchors.v1';

export function logAnchorTopic(prefix = topicPrefix()): string {
  return `${prefix}${LOG_ANCHOR_TOPIC}`;
}

export function topicPrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.KAFKA_TOPIC_PREFIX ?? '';
}

export function topicForStreamType(streamType: string, prefix = topicPrefix()): string {
  const topic = TOPIC_BY_STREAM_TYPE[streamType];
  if (!topic) throw new Error(`No topic is defined for stream type ${streamType}`);
  return `${prefix}${topic}`;
}

export function allTopics(prefix = topicPrefix()): string[] {
  return Object.values(TOPIC_BY_STREAM_TYPE).map((topic) => `${prefix}${topic}`);
}
