import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators';
import { DatabaseOutage } from '../database/outage';
import { HealthProbe } from './health-probe';
import { HttpDrain } from './http-drain';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drain: HttpDrain,
    private readonly outage: DatabaseOutage,
    private readonly probe: HealthProbe,
  ) {}

  /**
   * Open to all (liveness): 200 when the database answers, 503 when it does not. Asked on a connection of its own,
   * so that it answers as fast under load as when idle (health-probe.ts).
   */
  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    try {
      await this.probe.databaseAnswers();
    } catch (error) {
      void this.outage.failed(error);
      throw new ServiceUnavailableException('The database is not reachable');
    }
    return { status: 'ok', database: 'up' };
  }

  /**
   * Open to all: ready to serve when the database answers and every migration has been applied, and not shutting
   * down (503 otherwise).
   */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'up'; migrations: 'applied' }> {
    if (this.drain.isDraining) throw new ServiceUnavailableException('Shutting down');
    // Not ready until the outage's probe has seen the database answer again.
    if (this.outage.isDown) throw new ServiceUnavailableException('The database is not reachable');
    let pending: boolean;
    try {
      pending = await this.db.showMigrations();
    } catch (error) {
      void this.outage.failed(error);
      throw new ServiceUnavailableException('The database is not reachable');
    }
    if (pending) throw new ServiceUnavailableException('Migrations are waiting to be applied');
    return { status: 'ready', database: 'up', migrations: 'applied' };
  }
}
