import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { NationalSummary } from '@ccc/contracts';
import { RequirePermission } from '../common/decorators';
import { nationalCsv } from './national-csv';
import { NationalService } from './national.service';

@ApiTags('national')
@ApiBearerAuth()
@Controller('national')
export class NationalController {
  constructor(private readonly national: NationalService) {}

  /** National viewers only: figures per Alliance and for the nation, anonymous, small numbers suppressed. */
  @RequirePermission('national:read')
  @Get('summary')
  summary(): Promise<NationalSummary> {
    return this.national.summary();
  }

  /** The same figures as CSV, as they read on the page. */
  @RequirePermission('national:read')
  @Get('summary.csv')
  @ApiProduces('text/csv')
  async csv(): Promise<StreamableFile> {
    const summary = await this.national.summary();
    // The type is set only on success, so that an error still answers as JSON.
    return new StreamableFile(Buffer.from(`\ufeff${nationalCsv(summary)}`, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="national-figures-${summary.generatedAt.slice(0, 10)}.csv"`,
    });
  }
}
