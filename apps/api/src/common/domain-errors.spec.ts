import {
  type ArgumentsHost,
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GoneException,
  HttpException,
  NotFoundException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  assertVersion,
  Closed,
  Conflict,
  type DomainError,
  Forbidden,
  Gone,
  Invalid,
  NotFound,
  StaleVersion,
  TooLarge,
  TooMany,
  Unauthorized,
  UnsupportedType,
} from './domain-errors';
import { ApiExceptionFilter } from './errors';

/** What the filter sends for `error`: status, content type and the parsed body. */
async function answer(
  error: unknown,
  onRefused?: (request: object) => Promise<void>,
): Promise<{ status: number; type: string; body: Record<string, unknown>; headers: Record<string, string> }> {
  const sent = { status: 0, type: '', body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const response = {
    getHeader: (name: string) => sent.headers[name],
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
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
  // The route that took it (a service's NotFoundException inside an endpoint was never a 405).
  const request = {
    method: 'POST',
    path: '/api/sessions/x/book',
    url: '/api/sessions/x/book',
    route: { path: '/api/sessions/:id/book', methods: { post: true } },
  };
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
    ['Unauthorized', new Unauthorized('Your session has ended; sign in again'), 401, 'Unauthorized'],
    ['Gone', new Gone('This link has already been used'), 410, 'Gone'],
    ['UnsupportedType', new UnsupportedType('This file is neither CSV nor XLSX'), 415, 'Unsupported media type'],
    ['TooLarge', new TooLarge('The file is over 10 MB'), 400, 'Bad request'],
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

  // The services threw these HTTP exceptions before (#23); the domain's kinds answer exactly as they did.
  it.each<[string, DomainError, HttpException]>([
    ['NotFound', new NotFound('This link is not valid'), new NotFoundException('This link is not valid')],
    [
      'Forbidden',
      new Forbidden('You hold no role in that Alliance'),
      new ForbiddenException('You hold no role in that Alliance'),
    ],
    ['Conflict', new Conflict('Recorded by someone else'), new ConflictException('Recorded by someone else')],
    [
      'Gone',
      new Gone('This link has expired; ask for a new one'),
      new GoneException('This link has expired; ask for a new one'),
    ],
    [
      'Unauthorized',
      new Unauthorized('Your session has ended; sign in again'),
      new UnauthorizedException('Your session has ended; sign in again'),
    ],
    [
      'Unauthorized with a reason',
      new Unauthorized('Sign in with your NHS account', { reason: 'sso_required' }),
      new UnauthorizedException({ message: 'Sign in with your NHS account', reason: 'sso_required' }),
    ],
    [
      'UnsupportedType',
      new UnsupportedType('This file is neither CSV nor XLSX: save the sheet as one of them'),
      new UnsupportedMediaTypeException('This file is neither CSV nor XLSX: save the sheet as one of them'),
    ],
    ['TooLarge', new TooLarge('The file is over 10 MB'), new BadRequestException('The file is over 10 MB')],
    [
      'Invalid naming no field',
      new Invalid([], 'This link is not valid'),
      new BadRequestException('This link is not valid'),
    ],
    [
      'Invalid with its own message',
      new Invalid({ field: 'newPassword', reason: 'must differ' }, 'Choose a password different from your current one'),
      new BadRequestException({
        message: 'Choose a password different from your current one',
        errors: [{ field: 'newPassword', reason: 'must differ' }],
      }),
    ],
  ])('%s answers byte for byte as the HTTP exception it replaces', async (_name, domain, http) => {
    expect(await answer(domain)).toEqual(await answer(http));
  });

  it('says when to try again after too many attempts, as the sign-in controller used to', async () => {
    const message = 'Too many sign-in attempts; try again in 7 seconds';
    const sent = await answer(new TooMany(message, 7));
    const before = await answer(new HttpException(message, 429));
    expect(sent.status).toBe(429);
    expect(sent.headers).toEqual({ 'Retry-After': '7' });
    expect(sent.body).toEqual(before.body);
    expect(sent.body).toMatchObject({ title: 'Too many requests', detail: message });
  });
});
