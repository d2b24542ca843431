import { type CanActivate, type ExecutionContext, HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
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
 * Admission to the API. At most `maxInFlight` API requests are taken at once (running or waiting); one more is
 * answered 503 with `Retry-After` at once, rather than queued without bound. Of those, at most `maxReadsRunning`
 * reads (GET, HEAD) run at once, the others waiting their turn here in order of arrival: a read's answer is built in
 * this process (rows parsed, rules applied, JSON written), and fifty built at once kept the event loop so busy that
 * `/api/health` waited 0.3–0.6 s behind them (issue #17). Writes are not held back (an upload's body arrives at the
 * caller's pace). A slot is held from arrival until the answer is sent or the caller goes away; a waiting request
 * whose caller went away never runs. While the instance shuts down, new API requests are refused the same way, so a
 * load balancer retries them elsewhere. Health and readiness are never gated.
 */
@Injectable()
export class RequestGate {
  private readonly logger = new Logger('RequestGate');
  private inFlight = 0;
  private readsRunning = 0;
  /** Reads waiting for one of the `maxReadsRunning` places, first come first served. */
  private readonly queue: (() => void)[] = [];
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** API requests taken now, running or waiting (not counting health checks). */
  get running(): number {
    return this.inFlight;
  }

  /** Reads waiting for their turn to run. */
  get waiting(): number {
    return this.queue.length;
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
      let holdsReadPlace = false;
      const start = () => {
        holdsReadPlace = true;
        this.readsRunning += 1;
        next();
      };
      // 'close' comes once, after the answer is sent or when the connection drops first (the caller gave up).
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
        this.inFlight -= 1;
        const queued = this.queue.indexOf(start);
        // Still waiting: it leaves the queue and never runs.
        if (queued !== -1) this.queue.splice(queued, 1);
        if (holdsReadPlace) {
          this.readsRunning -= 1;
          this.queue.shift()?.();
        }
        if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (this.readsRunning < this.config.maxReadsRunning) return start();
      this.queue.push(start);
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
 * A request whose caller went away while it waited (for a connection, behind the other guards) is not worked on:
 * the handler does not run, since nobody would read its answer. A guard (the last of the global ones), not an
 * interceptor: a global interceptor puts every request through Nest's rxjs pipeline (issue #17).
 */
@Injectable()
export class ClientGoneGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    // 499, as nginx logs it: nobody reads this answer, but the log shows why the work was skipped.
    if (clientGoneSignal(req)?.aborted) throw new HttpException('The client closed the request', 499);
    return true;
  }
}
