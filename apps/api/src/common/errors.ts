import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  ParseUUIDPipe,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiError } from '@ccc/contracts';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from '../database/outage';
import { DomainError, type FieldError, Invalid, TooMany } from './domain-errors';
import { allowedMethods } from './method-not-allowed';

export type { FieldError } from './domain-errors';

/** Constraints on a value's type: when one fails, the others (ranges, lengths) say nothing useful about the value. */
const TYPE_CONSTRAINTS = new Set([
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'isDateString',
  'isIso8601',
]);

/** Each field's reasons; a value of the wrong type is told only that ("minutes must be a whole number"). */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const wrongType = constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name));
    const own = (wrongType.length > 0 ? wrongType : constraints).map(([, reason]) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A 400 that names each field at fault and why. */
export function validationFailed(errors: FieldError[]): BadRequestException {
  return new BadRequestException({ message: 'Validation failed', errors });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** `@Param('id', uuidParam('id'))`: a malformed id is a 400 naming the parameter, not a database error. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => validationFailed([{ field, reason: `${field} must be a UUID` }]),
  });
}

const CLIENT_ERROR_MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is too large',
  'entity.parse.failed': 'The request body is not valid JSON',
  'encoding.unsupported': 'The request body has an unsupported encoding',
  'charset.unsupported': 'The request body has an unsupported character set',
};

/** An HTTP status's reason phrase, sentence-cased ("Not found"). */
function statusTitle(status: number): string {
  return (
    HttpStatus[status]
      ?.replaceAll('_', ' ')
      .toLowerCase()
      .replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error'
  );
}

/**
 * The one mapping of the domain's refusals to HTTP: the status is the error's kind, never its wording; an
 * Invalid names its fields; a Conflict's details (the other session of a clash) pass through.
 */
export function domainErrorBody(error: DomainError): ApiError {
  const body: ApiError = { statusCode: error.status, error: statusTitle(error.status), message: error.message };
  // An Invalid that names no field (a link that is not valid) answers without an empty list.
  if (error instanceof Invalid && error.errors.length > 0) body.errors = error.errors;
  for (const [key, value] of Object.entries(error.details)) {
    if (!['statusCode', 'error', 'message', 'errors'].includes(key))
      (body as unknown as Record<string, unknown>)[key] = value;
  }
  return body;
}

function isClientError(error: unknown): error is { status: number; type?: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** A body parser's refusal (too large, unparsable, unsupported encoding) in the shared shape; null for other errors. */
export function clientErrorBody(error: unknown): ApiError | null {
  if (!isClientError(error)) return null;
  return {
    statusCode: error.status,
    error: statusTitle(error.status),
    message: CLIENT_ERROR_MESSAGES[error.type ?? ''] ?? 'The request could not be read',
  };
}

const DATABASE_UNAVAILABLE: ApiError = {
  statusCode: 503,
  error: 'Service unavailable',
  message: 'The service cannot reach its database just now: try again shortly',
};
const INTERNAL_ERROR: ApiError = {
  statusCode: 500,
  error: 'Internal server error',
  message: 'Something went wrong on our side',
};

/** Every error leaves as the same JSON shape, and never with a stack trace. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `onRefused`: told of every 403 (the audit trail records it; the answer waits for it); it must not reject. */
  /**
   * `outage`: told of every error that is not an HTTP one; true when it says the database cannot be reached (the
   * outage tracker logs its start once, database/outage.ts). Without it such errors are recognised, not logged.
   */
  constructor(
    private readonly onRefused?: (request: object) => Promise<void>,
    private readonly outage: (error: unknown) => boolean | Promise<boolean> = isDatabaseUnavailable,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let body: ApiError;
    if (exception instanceof DomainError) {
      body = domainErrorBody(exception);
      if (exception instanceof TooMany) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const details = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const message = typeof raw === 'string' ? raw : details['message'];
      body = {
        statusCode: status,
        error: statusTitle(status),
        message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
      };
      if (Array.isArray(details['errors'])) body.errors = details['errors'] as FieldError[];
      // Other details a thrower chose to give (a clash names the other session) pass through as they are.
      for (const [key, value] of Object.entries(details)) {
        if (!['statusCode', 'error', 'message', 'errors'].includes(key))
          (body as unknown as Record<string, unknown>)[key] = value;
      }
    } else if (isClientError(exception)) {
      // body-parser's own refusals (too large, unparsable, unsupported encoding) carry a 4xx status.
      const status = exception.status;
      body = {
        statusCode: status,
        error: statusTitle(status),
        message: CLIENT_ERROR_MESSAGES[exception.type ?? ''] ?? 'The request could not be read',
      };
    } else {
      // Whether the database is unreachable may take a probe to tell (database/outage.ts): the answer waits for it.
      void Promise.resolve(this.outage(exception))
        .catch(() => false)
        .then((down) => {
          if (!down) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
          this.send(response, down ? DATABASE_UNAVAILABLE : INTERNAL_ERROR);
        });
      return;
    }
    // No API route took the request (the SPA's catch-all may have passed it on): if one takes the path with another
    // method, that is a 405 naming them.
    const request = host.switchToHttp().getRequest<Request>();
    if (body.statusCode === 404 && exception instanceof NotFoundException && request) {
      const allow = allowedMethods(request);
      if (allow.length > 0) {
        response.setHeader('Allow', allow.join(', '));
        body = {
          statusCode: 405,
          error: 'Method not allowed',
          message: `${request.method} is not allowed here; use ${allow.join(', ')}`,
        };
      }
    }
    const answer = body;
    if (body.statusCode === 403 && this.onRefused)
      void this.onRefused(host.switchToHttp().getRequest<object>()).finally(() => this.send(response, answer));
    else this.send(response, body);
  }

  private send(response: Response, body: ApiError): void {
    // Every 503 says when to come back (the database unreachable, readiness while it is down or draining).
    if (body.statusCode === 503 && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    sendProblem(response, body);
  }
}

/**
 * Sends an error as an RFC 9457 problem (`application/problem+json`): `type`, `title`, `status`, `detail` and
 * `instance` beside the fields the SPA has always read (`statusCode`, `error`, `message`, `errors`).
 */
export function sendProblem(response: Response, body: ApiError): void {
  // The occurrence is named by the request's id (X-Request-Id, in the logs), not by its path: a path would echo
  // back ids the caller may not see, and the id is what support needs.
  const requestId = response.getHeader('X-Request-Id');
  const problem = {
    type: 'about:blank',
    title: body.error,
    status: body.statusCode,
    detail: body.message,
    ...(typeof requestId === 'string' ? { instance: `urn:request:${requestId}` } : {}),
    ...body,
  };
  response.status(body.statusCode).type('application/problem+json').send(JSON.stringify(problem));
}
