import { Counter, Registry } from 'prom-client';

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
