import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { QueryFailedError } from 'typeorm';
import { loggableUrl, loggingParams, scrubPersonalData } from './logging';

/** A logger configured exactly as the API's, writing into an array. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { pinoHttp } = loggingParams('info') as { pinoHttp: LoggerOptions };
  const { serializers, redact, hooks, level } = pinoHttp;
  return { logger: pino({ serializers, redact, hooks, level }, stream), lines };
}

describe('no personal data in the logs', () => {
  it('drops the parameters and row values a database error carries, and scrubs e-mails from its message', () => {
    const { logger, lines } = capturedLogger();
    const error = new QueryFailedError(
      'INSERT INTO person (email, full_name) VALUES ($1, $2)',
      ['sam.taylor@example.org', 'Sam Taylor'],
      Object.assign(new Error('duplicate key value violates unique constraint'), {
        detail: 'Key (email)=(sam.taylor@example.org) already exists.',
        code: '23505',
      }),
    );
    logger.error({ err: error }, 'Could not save jo.whitfield@example.org');
    const text = lines.join('');
    expect(text).not.toContain('example.org');
    expect(text).not.toContain('Sam Taylor');
    expect(text).toContain('[email]');
    const entry = JSON.parse(lines[0] ?? '');
    expect(entry.err).toEqual(
      expect.objectContaining({ type: 'QueryFailedError', message: 'duplicate key value violates unique constraint' }),
    );
    expect(Object.keys(entry.err).sort()).toEqual(['code', 'message', 'stack', 'type']);
  });

  it('keeps the message of a plain error object (as pino-http passes for an error answer), scrubbed', () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: { message: 'No invitation for sam@example.org', statusCode: 404 } });
    expect(JSON.parse(lines[0] ?? '').err).toEqual({ message: 'No invitation for [email]' });
  });

  it('redacts credentials in headers and query values in addresses', () => {
    const { logger, lines } = capturedLogger();
    logger.info({
      req: {
        id: 'r1',
        method: 'GET',
        url: '/api/people?search=Sam%20Taylor&email=sam@example.org',
        headers: { authorization: 'Bearer secret' },
      },
    });
    const text = lines.join('');
    expect(text).not.toContain('Sam');
    expect(text).not.toContain('secret');
    expect(JSON.parse(lines[0] ?? '').req.url).toBe('/api/people?search=[redacted]&email=[redacted]');
  });

  it('keeps ids in paths, hides credentials in calendar and link paths', () => {
    expect(loggableUrl('/api/enrolments/3f2c/timeline')).toBe('/api/enrolments/3f2c/timeline');
    expect(loggableUrl('/api/calendar/abcdef.ics')).toBe('/api/calendar/[redacted]');
    expect(loggableUrl('/api/links/tok?x=1')).toBe('/api/links/[redacted]?x=[redacted]');
    expect(scrubPersonalData('mail to a.b+c@nhs.net failed')).toBe('mail to [email] failed');
  });
});
