import type { Server } from 'node:http';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config';
import { RequestGate } from './request-gate';

/**
 * Graceful shutdown, on SIGTERM and before Nest closes the database (an application-shutdown hook, which would fail
 * the requests still running). The instance first keeps listening while it drains: readiness answers 503 and new API
 * requests get a 503 with `Retry-After` (a load balancer retries them elsewhere), while the requests in flight
 * finish. Then it stops listening. Draining gets three quarters of `SHUTDOWN_TIMEOUT_MS`; connections still open
 * then are cut, leaving the rest for the queues and the database (main.ts ends the process at the full timeout).
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly gate: RequestGate,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** True once shutdown has begun: readiness then answers 503, so a load balancer stops sending work. */
  get isDraining(): boolean {
    return this.draining;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    this.logger.log(
      `${signal ?? 'Shutdown'}: not ready, refusing new requests; finishing the ${this.gate.running} in flight`,
    );
    const budget = Math.floor(this.config.shutdownTimeoutMs * 0.75);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), budget).unref();
    });
    let outcome = await Promise.race([this.gate.drain().then(() => 'drained' as const), deadline]);
    // Stop listening. Kept-alive connections with no request in flight would hold the server open: close them as
    // they go idle.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    if (outcome === 'drained') outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
    clearInterval(idle);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(`Requests still running after ${budget} ms: closing their connections`);
      server.closeAllConnections();
    }
  }
}
