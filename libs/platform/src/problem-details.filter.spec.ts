import { ArgumentsHost, Logger } from '@nestjs/common';
import { EventContractViolation } from '@civic/event-store';
import { ProblemDetailsFilter } from './problem-details.filter';
import { InvalidRequest, MalformedJson } from './problem-details';

/** What the filter sent for an error: status, content type and the problem. */
function answerTo(error: unknown): { status: number; contentType: string; problem: Record<string, unknown> } {
  const sent = { status: 0, contentType: '', problem: {} as Record<string, unknown> };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => (name === 'Content-Type' && (sent.contentType = value), reply),
    send: (body: string) => ((sent.problem = JSON.parse(body)), reply),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ url: '/v1/meetings?x=1' }), getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('answers an event its contract refuses with 500 EVENT.CONTRACT_VIOLATION, and logs the type and every failing path, not the answer', () => {
    const violation = new EventContractViolation('MeetingHeld', 2, [{ path: '/chairs/0', message: "must have required property 'fullName'" }]);
    expect(answerTo(violation)).toEqual({
      status: 500,
      contentType: 'application/problem+json',
      problem: expect.objectContaining({ status: 500, code: 'EVENT.CONTRACT_VIOLATION', instance: '/v1/meetings', detail: expect.stringContaining('Nothing was recorded') }),
    });
    expect(JSON.stringify(answerTo(violation).problem)).not.toContain('chairs');
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/MeetingHeld v2 .*\/chairs\/0 must have required property 'fullName'/));
  });

  it('answers bad input with 400 naming the field, and a body that is not JSON with 400 MALFORMED_JSON', () => {
    expect(answerTo(new InvalidRequest([{ field: '/title', message: 'contains a control character: U+0000 at position 1' }])).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      errors: [{ field: '/title', message: 'contains a control character: U+0000 at position 1' }],
    });
    expect(answerTo(new MalformedJson()).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
  });
});
