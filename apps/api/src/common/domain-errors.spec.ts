import type { ArgumentsHost } from '@nestjs/common';
import {
  assertVersion,
  Closed,
  Conflict,
  type DomainError,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
} from './domain-errors';
import { ApiExceptionFilter } from './errors';

/** What the filter sends for `error`: status, content type and the parsed body. */
async function answer(
  error: unknown,
  onRefused?: (request: object) => Promise<void>,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const sent: { status: number; type: string; body: Record<string, unknown> } = { status: 0, type: '', body: {} };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const response = {
    getHeader: () => undefined,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(text: string) {
      sent.body = JSON.parse(text) as Record<string, unknown>;
      done();
    },
  };
  const request = { method: 'POST', path: '/api/sessions/x/book', url: '/api/sessions/x/book' };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter(onRefused, () => false).catch(error, host);
  await finished;
  return sent;
}

describe('domain errors mapped to HTTP', () => {
  it.each<[string, DomainError, number, string]>([
    ['NotFound', new NotFound('Session not found'), 404, 'Not found'],
    ['Forbidden', new Forbidden('Only the PCN supervisor can accept slot this session'), 403, 'Forbidden'],
    ['Conflict', new Conflict('Only when the session is booked'), 409, 'Conflict'],
    ['StaleVersion', new StaleVersion('session'), 409, 'Conflict'],
    ['Closed', new Closed('This enrolment was withdrawn'), 409, 'Conflict'],
    ['Invalid', new Invalid({ field: 'startsAt', reason: 'startsAt must be in the plan month' }), 400, 'Bad request'],
  ])('%s answers with its status as a problem', async (_name, error, status, title) => {
    const { status: sent, type, body } = await answer(error);
    expect(sent).toBe(status);
    expect(type).toBe('application/problem+json');
    expect(body).toMatchObject({ statusCode: status, error: title, message: error.message, status, title });
  });

  it('decides the status by the kind of error, never by its wording', async () => {
    expect((await answer(new Conflict('Only one booking at a time'))).status).toBe(409);
    expect((await answer(new Forbidden('Cannot do this'))).status).toBe(403);
  });

  it('names each field at fault of an Invalid', async () => {
    const { body } = await answer(
      new Invalid([
        { field: 'place', reason: 'a face-to-face session needs a place' },
        { field: 'startsAt', reason: 'booking it on 1 March needs a reason' },
      ]),
    );
    expect(body['message']).toBe('Validation failed');
    expect(body['errors']).toEqual([
      { field: 'place', reason: 'a face-to-face session needs a place' },
      { field: 'startsAt', reason: 'booking it on 1 March needs a reason' },
    ]);
  });

  it('passes a conflict’s other record through, and cannot be made to overwrite the status', async () => {
    const other = { sessionId: 'b', title: 'Group supervision', startsAt: '2026-12-01T10:00:00.000Z' };
    const { status, body } = await answer(
      new Conflict('This clashes with “Group supervision”', { conflict: other, statusCode: 200 }),
    );
    expect(status).toBe(409);
    expect(body['statusCode']).toBe(409);
    expect(body['conflict']).toEqual(other);
  });

  it('has one stale-version message', () => {
    expect(new StaleVersion('cohort').message).toBe(
      'This cohort was changed by someone else since you read it; reload it and try again',
    );
    expect(() => assertVersion({ version: 3 }, 2, 'cohort')).toThrow(StaleVersion);
    expect(() => assertVersion({ version: 3 }, 3, 'cohort')).not.toThrow();
  });

  it('tells the refusal hook of a Forbidden, and a 404 stays a 404 (not a 405)', async () => {
    const refused: object[] = [];
    await answer(new Forbidden('No'), async (request) => void refused.push(request));
    expect(refused).toHaveLength(1);
    await answer(new NotFound('Session not found'), async (request) => void refused.push(request));
    expect(refused).toHaveLength(1);
    expect((await answer(new NotFound('Session not found'))).status).toBe(404);
  });
});
