import { RecordedEvent } from '@civic/event-store';
import { fromWireMessage, toWireMessage } from './cloud-event-codec';

const recorded: RecordedEvent = {
  eventId: '6f1c2a8e-1d7b-4d1e-8f0a-7b6c5d4e3f21',
  streamId: 'meeting-1f3e',
  streamType: 'meeting',
  streamVersion: 1,
  position: '42',
  transactionId: '',
  type: 'MeetingHeld',
  schemaVersion: 1,
  occurredOn: '2021-01-08',
  unitCode: '002',
  recordedAt: '2021-01-12T09:14:00.000Z',
  data: { title: 'Hội nghị tổng kết công tác mặt trận năm 2020', attendeeCount: { value: 300, qualifier: 'AT_LEAST' } },
  metadata: {
    actor: { subject: 'clerk-hk', roles: ['district-officer'] },
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    causationId: 'c0ffee00-0000-4000-8000-000000000002',
    commandId: 'c0ffee00-0000-4000-8000-000000000002',
  },
};

describe('CloudEvents binary mode on Kafka', () => {
  it('puts the CloudEvents attributes in ce_ headers and the data in the value', () => {
    const message = toWireMessage(recorded);
    expect(message.key).toBe('meeting-1f3e');
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: recorded.eventId,
      ce_type: 'vn.civic-records.MeetingHeld',
      ce_source: '/civic-records/meeting',
      ce_subject: 'meeting-1f3e',
      ce_streamid: 'meeting-1f3e',
      ce_streamversion: '1',
      ce_position: '42',
      ce_schemaversion: '1',
      ce_correlationid: recorded.metadata.correlationId,
      ce_causationid: recorded.metadata.causationId,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value)).toEqual(recorded.data);
  });

  it('sends only string headers, as Kafka requires', () => {
    const values = Object.values(toWireMessage(recorded).headers);
    expect(values.filter((value) => typeof value !== 'string')).toEqual([]);
  });

  it('keeps Vietnamese text intact through the round trip', () => {
    expect(fromWireMessage(toWireMessage(recorded))).toEqual(recorded);
  });

  it('carries the trace of the request that recorded the event as the distributed-tracing extension, and back', () => {
    const traced: RecordedEvent = {
      ...recorded,
      metadata: { ...recorded.metadata, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'civic=1' },
    };
    const message = toWireMessage(traced);
    expect(message.headers).toMatchObject({ ce_traceparent: traced.metadata.traceparent, ce_tracestate: 'civic=1' });
    expect(fromWireMessage(message)).toEqual(traced);
    // An event recorded without a trace has no trace headers, and none comes back.
    expect(Object.keys(toWireMessage(recorded).headers).filter((name) => name.startsWith('ce_trace'))).toEqual([]);
  });
});
