import type { Server } from 'node:http';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config';

/**
 * Graceful shutdown. Nest closes the database (an application-shutdown hook) before the HTTP server, which would
 * fail the requests still running at SIGTERM; so before that, the server stops accepting connections and the
 * requests in flight finish — up to a time limit, after which the remaining connections are cut.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
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
    this.logger.log(`${signal ?? 'Shutdown'}: no new connections; finishing the requests in flight`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Kept-alive connections with no request in flight would hold the server open: close them as they go idle.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), this.config.shutdownTimeoutMs).unref(),
    );
    const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
    clearInterval(idle);
    if (outcome === 'timeout') {
      this.logger.warn(`Requests still running after ${this.config.shutdownTimeoutMs} ms: closing their connections`);
      server.closeAllConnections();
    }
  }
}
