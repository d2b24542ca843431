import { createHash } from 'node:crypto';
import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import type { AuthUser } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { IdempotencyService } from './idempotency.service';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that is the stored one, replayed. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** 1 to 255 visible ASCII characters (a UUID fits; spaces and control characters do not). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Headers of the first answer a replay repeats (Content-Type is the JSON one Nest sets either way). */
const KEPT_HEADERS = ['location', 'content-location'];

/** Requests whose key is handled already; an upload's is handled after its file is read (singleFileUpload). */
const seen = new WeakSet<Request>();
/** Multipart requests whose fields and file have been read, so that they can be fingerprinted. */
const uploadsRead = new WeakSet<Request>();

export function markUploadRead(req: Request): void {
  uploadsRead.add(req);
}

/** Object keys sorted at every level: the same JSON in another order is the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer?: Buffer;
}

/** SHA-256 of the query, the body (an upload's text fields) and each uploaded file's name, type and bytes. */
export function requestFingerprint(req: Request): string {
  const upload = req as Request & { file?: UploadedPart; files?: UploadedPart[] | Record<string, UploadedPart[]> };
  const files = [
    ...(upload.file ? [upload.file] : []),
    ...(Array.isArray(upload.files) ? upload.files : Object.values(upload.files ?? {}).flat()),
  ].map((file) => ({
    field: file.fieldname,
    name: file.originalname,
    type: file.mimetype,
    size: file.size,
    sha256: file.buffer ? createHash('sha256').update(file.buffer).digest('hex') : null,
  }));
  return createHash('sha256')
    .update(JSON.stringify(canonical({ query: req.query, body: req.body ?? null, files })))
    .digest('hex');
}

/** A create route: a POST answering 201, Nest's default for POST (actions on a record answer 200 or 204). */
export function isCreateRoute(reflector: Reflector, context: ExecutionContext): boolean {
  const req = context.switchToHttp().getRequest<Request>();
  if (req.method !== 'POST') return false;
  const code = reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
  return code === undefined || code === 201;
}

/**
 * `Idempotency-Key` on every create route (issue #18): the first answer (2xx) to a key is kept 24 hours, per caller
 * (the account, or `public` on a route open without signing in), method and path, with a fingerprint of the request
 * body. The same key and body again: that answer replayed with `Idempotent-Replayed: true`, nothing written. The same
 * key with another body: 422. While the first is still running: 409 with `Retry-After`. Errors are not kept: a 5xx so
 * that a retry can succeed, a 4xx because it changed nothing (the team's rule) and a retry deserves today's answer
 * (after a correction, a refused clash that is now free); the key is free again at once. Without the header a
 * request runs as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || seen.has(req) || !isCreateRoute(this.reflector, context)) return next.handle();
    // The route's upload interceptor reads the fields and file after this one; it hands the request back then.
    if (req.is('multipart/form-data') && !uploadsRead.has(req)) return next.handle();
    seen.add(req);
    const key = Array.isArray(raw) ? undefined : raw;
    if (key === undefined || !IDEMPOTENCY_KEY_PATTERN.test(key))
      throw validationFailed([
        {
          field: IDEMPOTENCY_HEADER,
          reason: `${IDEMPOTENCY_HEADER} must be one header of 1 to 255 visible ASCII characters`,
        },
      ]);
    const scope = (req.user as AuthUser | undefined)?.id ?? 'public';
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.idempotency.claim(scope, req.method, req.path, key, requestFingerprint(req))).pipe(
      mergeMap((outcome) => {
        switch (outcome.kind) {
          case 'mismatch':
            throw new UnprocessableEntityException({
              message: `This ${IDEMPOTENCY_HEADER} was used for another request: send a new key with a new request`,
              errors: [{ field: IDEMPOTENCY_HEADER, reason: 'the key was used with a different request body' }],
            });
          case 'in-flight':
            res.setHeader('Retry-After', '1');
            throw new ConflictException(
              `A request with this ${IDEMPOTENCY_HEADER} is still being carried out: try again shortly`,
            );
          case 'answer-lost':
            throw new ConflictException(
              `A request with this ${IDEMPOTENCY_HEADER} was carried out, but its answer was lost: reload to see it`,
            );
          case 'replay':
            res.setHeader(REPLAYED_HEADER, 'true');
            for (const [name, value] of Object.entries(outcome.answer.headers)) res.setHeader(name, value);
            return of(outcome.answer.body);
          case 'claimed': {
            const { claim } = outcome;
            return this.idempotency
              .run(claim, () => next.handle())
              .pipe(
                mergeMap(async (body: unknown) => {
                  const headers: Record<string, string> = {};
                  for (const name of KEPT_HEADERS) {
                    const value = res.getHeader(name);
                    if (value !== undefined) headers[name] = String(value);
                  }
                  // The record exists whatever happens here: a failure to keep the answer is logged, not answered.
                  await this.idempotency
                    .complete(claim, { status, body, headers })
                    .catch((error: unknown) =>
                      this.logger.warn(`Answer to ${req.method} ${req.path} not kept: ${String(error)}`),
                    );
                  return body;
                }),
                catchError(async (error: unknown) => {
                  await this.idempotency.release(claim).catch(() => undefined);
                  throw error;
                }),
              );
          }
        }
      }),
    );
  }
}
