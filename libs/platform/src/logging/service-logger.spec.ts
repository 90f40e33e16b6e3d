import { Writable } from 'node:stream';
import { createServiceLogger } from './service-logger';

/** A destination that keeps every line written to it, parsed. */
function lines(): { stream: Writable; written: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, written: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the service logger', () => {
  it('writes one JSON object per line: level by name, ISO time, the service, the message and its fields', () => {
    const { stream, written } = lines();
    createServiceLogger('records-api', {}, stream).info({ correlationId: 'c-1', status: 201 }, 'request');
    const [line] = written();
    expect(line).toMatchObject({ level: 'info', service: 'records-api', correlationId: 'c-1', status: 201, msg: 'request' });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('writes only the levels at or above LOG_LEVEL', () => {
    const { stream, written } = lines();
    const logger = createServiceLogger('projector', { level: 'warn' }, stream);
    logger.info('not written');
    logger.debug('not written');
    logger.warn('written');
    logger.error('written too');
    expect(written().map((line) => line.level)).toEqual(['warn', 'error']);
  });

  it('never writes a bearer token or a cookie, whatever it is given', () => {
    const { stream, written } = lines();
    createServiceLogger('query-api', {}, stream).info({ req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'sid=1' } }, authorization: 'Bearer eyJsecret' }, 'x');
    const text = JSON.stringify(written());
    expect(text).not.toContain('eyJsecret');
    expect(text).not.toContain('sid=1');
  });

  it('writes JSON when pretty lines are asked for but the output is not a terminal', () => {
    const { stream, written } = lines();
    createServiceLogger('event-relay', { format: 'pretty', terminal: false }, stream).info('still JSON');
    expect(written()[0]).toMatchObject({ msg: 'still JSON', level: 'info' });
  });
});
