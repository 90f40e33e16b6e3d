import { ArgumentsHost, Logger } from '@nestjs/common';
import { ProblemDetailsFilter, ProblemMapper } from './problem-details.filter';
import { InvalidRequest, MalformedJson } from './problem-details';

/** What the filter sent for an error: status, content type and the problem. */
function answerTo(error: unknown, serviceProblems: ProblemMapper[] = []): { status: number; contentType: string; problem: Record<string, unknown> } {
  const sent = { status: 0, contentType: '', problem: {} as Record<string, unknown> };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => (name === 'Content-Type' && (sent.contentType = value), reply),
    send: (body: string) => ((sent.problem = JSON.parse(body)), reply),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ url: '/v1/meetings?x=1' }), getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(serviceProblems).catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('answers bad input with 400 naming the field, and a body that is not JSON with 400 MALFORMED_JSON', () => {
    expect(answerTo(new InvalidRequest([{ field: '/title', message: 'contains a control character: U+0000 at position 1' }])).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      errors: [{ field: '/title', message: 'contains a control character: U+0000 at position 1' }],
    });
    expect(answerTo(new MalformedJson()).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
  });

  it('asks the service\'s own mappers first, and answers what they do not know as before', () => {
    class RecordLocked extends Error {}
    const locked: ProblemMapper = (error) => (error instanceof RecordLocked ? { type: 'about:blank', title: 'Locked', status: 423, detail: 'locked', code: 'RECORD.LOCKED' } : undefined);
    expect(answerTo(new RecordLocked(), [locked])).toMatchObject({ status: 423, problem: { code: 'RECORD.LOCKED', instance: '/v1/meetings' } });
    expect(answerTo(new MalformedJson(), [locked]).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(answerTo(new RecordLocked())).toMatchObject({ status: 500, problem: { code: 'SERVER.ERROR' } });
  });
});
