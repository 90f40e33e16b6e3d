import { Counter, Gauge, Registry } from 'prom-client';

/**
 * `events_appended_total{stream_type,type}`: the events this instance appended to the log, told by the command
 * processor after each append (a retry answered with its first answer appends nothing and counts nothing).
 */
export function appendedEventsMetric(registry: Registry): (events: readonly { readonly type: string }[], streamType: string) => void {
  const appended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended to the log by this instance, by stream type and event type',
    labelNames: ['stream_type', 'type'],
    registers: [registry],
  });
  return (events, streamType) => {
    for (const event of events) appended.inc({ stream_type: streamType, type: event.type });
  };
}

/**
 * `personal_data_keys_in_hand`: data keys stored ahead and not yet used (docs/adr/0059). Near 0 with commands naming
 * people refused 503 means the key store does not answer; a command is sealed only with a key already stored.
 */
export function keysInHandMetric(registry: Registry, keys: { readonly keysInHand: number }): void {
  new Gauge({
    name: 'personal_data_keys_in_hand',
    help: 'Data keys this instance has stored ahead of the commands that seal names with them, not yet used',
    registers: [registry],
    collect() {
      this.set(keys.keysInHand);
    },
  });
}
