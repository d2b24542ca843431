import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config';
import { Clock } from '../common/clock';
import { type Jobs, startJobs } from './jobs';
import { createMailer, type Mailer } from './mailer';

/**
 * Starts this instance's worker once the application is up (after main.ts has migrated the database) when
 * JOBS_ENABLED, and stops it before the database connections close on shutdown: no new jobs are taken, and the
 * running ones get up to SHUTDOWN_TIMEOUT_MS to finish.
 */
@Injectable()
export class JobsRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private mailer: Mailer | null = null;
  private running: Jobs | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The running worker, or null when jobs are off in this process. */
  get jobs(): Jobs | null {
    return this.running;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    this.mailer = createMailer(this.config.mail, () => this.clock.now());
    this.running = await startJobs({
      databaseUrl: this.config.databaseUrl,
      db: this.db,
      mailer: this.mailer,
      now: () => this.clock.now(),
      publicUrl: this.config.publicUrl,
      logger: {
        log: (message) => this.logger.log(message),
        error: (message, error) =>
          this.logger.error(`${message}: ${error instanceof Error ? error.message : String(error)}`),
      },
    });
    this.logger.log(`Reminders and e-mail delivery running; e-mails go to ${this.mailer.describe}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.stop(this.config.shutdownTimeoutMs);
    this.mailer?.close();
  }
}
