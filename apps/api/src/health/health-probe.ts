import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { API_CONFIG, type ApiConfig } from '../config';

/**
 * The liveness check's own connection to the database. Through the application's pool, `SELECT 1` queued behind
 * every busy request's statements, so a load balancer read a loaded instance as slow or dead (p99 of 0.2–2 s under
 * the benchmark's load). One connection of its own answers in the time the database takes; checks arriving together
 * share one round trip.
 */
@Injectable()
export class HealthProbe implements OnApplicationShutdown {
  private readonly pool: Pool;
  private inFlight: Promise<void> | null = null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 1,
      connectionTimeoutMillis: 2_000,
      query_timeout: 2_000,
      idleTimeoutMillis: 60_000,
      application_name: 'ccc-health',
    });
    // An idle connection dropped by a restarting server is an event on the pool, not a crash.
    this.pool.on('error', () => undefined);
  }

  /** Resolves when the database answers; rejects with pg's error otherwise. */
  databaseAnswers(): Promise<void> {
    this.inFlight ??= this.pool
      .query('SELECT 1')
      .then(() => undefined)
      .finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
