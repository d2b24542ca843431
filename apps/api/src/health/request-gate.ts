import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import type { ApiError } from '@ccc/contracts';
import { sendProblem } from '../common/errors';
import { API_CONFIG, type ApiConfig } from '../config';

/** Health checks must answer however busy the instance is: a load balancer reads them to decide. */
const UNGATED = /^\/api\/health(?:\/ready)?\/?$/;
/** Seconds a refused caller is asked to wait. */
const RETRY_AFTER_SECONDS = 1;

/** Aborted when the caller's connection closes before its answer was sent. */
const clientGone = new WeakMap<Request, AbortSignal>();

/** The signal of a request the gate counted: long work may check it and stop when nobody waits for the answer. */
export function clientGoneSignal(req: Request): AbortSignal | undefined {
  return clientGone.get(req);
}

/**
 * Admission to the API. At most `maxInFlight` API requests run at once (sized to the database pool: more would
 * only queue for a connection); one more is answered 503 with `Retry-After` at once, rather than queued without
 * bound. A slot is held from arrival until the answer is sent or the caller goes away. While the instance shuts
 * down, new API requests are refused the same way, so a load balancer retries them elsewhere. Health and readiness
 * are never gated.
 */
@Injectable()
export class RequestGate {
  private readonly logger = new Logger('RequestGate');
  private inFlight = 0;
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** API requests running now (not counting health checks). */
  get running(): number {
    return this.inFlight;
  }

  /** Refuse new API requests from now on; resolves once the ones running have finished or their callers gone. */
  drain(): Promise<void> {
    this.draining = true;
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!req.path.startsWith('/api/') || UNGATED.test(req.path)) return next();
      if (this.draining) return this.refuse(res, 'The service is restarting: try again shortly');
      if (this.inFlight >= this.config.maxInFlight) {
        this.logger.warn(`Refused a request: ${this.inFlight} already in flight`);
        return this.refuse(res, 'The service is busy: try again shortly');
      }
      this.inFlight += 1;
      const controller = new AbortController();
      clientGone.set(req, controller.signal);
      // 'close' comes once, after the answer is sent or when the connection drops first (the caller gave up).
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
        this.inFlight -= 1;
        if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
      next();
    };
  }

  private refuse(res: Response, message: string): void {
    const body: ApiError = { statusCode: 503, error: 'Service unavailable', message };
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (this.draining) res.setHeader('Connection', 'close');
    sendProblem(res, body);
  }
}

/**
 * A request whose caller went away while it waited (for a connection, behind the guards) is not worked on: the
 * handler does not run, since nobody would read its answer.
 */
@Injectable()
export class ClientGoneInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    // 499, as nginx logs it: nobody reads this answer, but the log shows why the work was skipped.
    if (clientGoneSignal(req)?.aborted) throw new HttpException('The client closed the request', 499);
    return next.handle();
  }
}
