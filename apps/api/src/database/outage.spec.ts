import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './outage';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it('recognises a server shutting down, restarting or refusing, however the error is wrapped', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300'])
      expect([code, isDatabaseUnavailable(wrapped(pgError(code)))]).toEqual([code, true]);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])
      expect([code, isDatabaseUnavailable(pgError(code))]).toEqual([code, true]);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: pgError('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')], 'connect'))).toBe(true);
  });

  it('leaves errors of the query itself, and everything else, alone', () => {
    for (const code of ['23505', '23503', '40001', '42P01', '22P02'])
      expect([code, isDatabaseUnavailable(wrapped(pgError(code)))]).toEqual([code, false]);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection')).toBe(false);
  });
});
