import { Logger } from '@nestjs/common';
import { EventContractViolation, IdempotencyKeyReused, StaleRecordVersion, StreamVersionConflict } from '@civic/event-store';
import { commandProblem } from './command-problems';

describe('commandProblem', () => {
  const logger = new Logger('test');
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('answers an event its contract refuses with 500 EVENT.CONTRACT_VIOLATION, and logs the type and every failing path, not the answer', () => {
    const violation = new EventContractViolation('MeetingHeld', 2, [{ path: '/chairs/0', message: "must have required property 'fullName'" }]);
    const problem = commandProblem(violation, logger);
    expect(problem).toMatchObject({ status: 500, code: 'EVENT.CONTRACT_VIOLATION', detail: expect.stringContaining('Nothing was recorded') });
    expect(JSON.stringify(problem)).not.toContain('chairs');
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/MeetingHeld v2 .*\/chairs\/0 must have required property 'fullName'/));
  });

  it('answers a record changed meanwhile with 409, a stale If-Match with 412 naming the current version, a reused key with 422', () => {
    expect(commandProblem(new StreamVersionConflict('meeting-1', 1), logger)).toMatchObject({ status: 409, code: 'RECORD.CHANGED_CONCURRENTLY' });
    expect(commandProblem(new StaleRecordVersion('meeting-1', 2, 3), logger)).toMatchObject({ status: 412, code: 'RECORD.VERSION_STALE', errors: [{ field: 'If-Match', message: 'the current version is 3' }] });
    expect(commandProblem(new IdempotencyKeyReused('k-1'), logger)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY.REUSED' });
  });

  it('leaves every other error to the shared problems', () => {
    expect(commandProblem(new Error('anything else'), logger)).toBeUndefined();
  });
});
