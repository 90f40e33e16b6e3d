import { isTransient } from './transient-error';

describe(isTransient.name, () => {
  it.each([
    ['a lost connection', { code: '08006' }],
    ['a serialization failure', { code: '40001' }],
    ['a deadlock', { code: '40P01' }],
    ['an administrator shutdown', { code: '57P01' }],
    ['a socket reset', { code: 'ECONNRESET' }],
    ['pg ending the connection', new Error('Connection terminated unexpectedly')],
  ])('retries %s', (_, error) => expect(isTransient(error)).toBe(true));

  it.each([
    ['a NOT NULL violation', { code: '23502' }],
    ['a check violation', { code: '23514' }],
    ['a malformed date', { code: '22007' }],
    ['a bug in projection code', new TypeError("Cannot read properties of undefined (reading 'value')")],
  ])('parks the event on %s', (_, error) => expect(isTransient(error)).toBe(false));
});
