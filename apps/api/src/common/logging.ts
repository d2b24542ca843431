import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
// Calendar-feed, answer-link and invitation addresses carry their credential in the path.
const SECRET_IN_PATH = /\/api\/(calendar|links|invitations)\/[^/?]+/g;
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;

/** Any e-mail address in a text, replaced: error messages (a duplicate key, say) can quote one. */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/** The path as is (ids are not personal data), query values replaced: a search term may be a name. */
export function loggableUrl(url: string): string {
  const [pathname = '', query] = url.split('?', 2);
  const safePath = pathname.replace(SECRET_IN_PATH, '/api/$1/[redacted]');
  if (query === undefined) return safePath;
  const keys = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=', 1)[0]}=[redacted]`);
  return `${safePath}?${keys.join('&')}`;
}

/**
 * Errors keep their type, message and stack only: a database error also carries the query's parameters, the
 * row's values in its detail and the driver's copy of both — names, e-mails and free text that must not be logged.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // pino-http hands over a plain object for an error answer (e.g. a 503 from readiness).
    const message = (error as { message?: unknown } | null)?.message;
    return { message: scrubPersonalData(typeof message === 'string' ? message : String(error)) };
  }
  return {
    type: error.name,
    message: scrubPersonalData(error.message),
    ...(error.stack ? { stack: scrubPersonalData(error.stack) } : {}),
    ...('code' in error && typeof error.code === 'string' ? { code: error.code } : {}),
  };
}

/**
 * Structured JSON logs, one line per request with its id (the caller's X-Request-Id if sane, else a new one,
 * echoed back). Neither credentials nor personal data reach the log: headers, secret paths and query values are
 * redacted, bodies are not logged, errors lose their parameters and every message is scrubbed of e-mail addresses.
 */
export function loggingParams(level: string): Params {
  return {
    // Every route, in the path syntax of Express 5 (the default '*' is converted with a warning at each start).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: loggableUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
      hooks: {
        // Messages (Nest's own included, which arrive as plain strings) are scrubbed before they are written.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubPersonalData(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      // A 503 (busy, draining, the database down) is an expected refusal, logged where it starts (RequestGate,
      // database/outage.ts): its request line is a warning without pino-http's made-up error and stack.
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        res.statusCode === 503 && !error
          ? 'warn'
          : error || res.statusCode >= 500
            ? 'error'
            : res.statusCode >= 400
              ? 'warn'
              : 'info',
      customErrorObject: (_req: IncomingMessage, res: ServerResponse, error: Error, value: Record<string, unknown>) => {
        if (res.statusCode !== 503 || (res as ServerResponse & { err?: unknown }).err) return value;
        const { err: _made, ...rest } = value;
        return rest;
      },
    },
  };
}
