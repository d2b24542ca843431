import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CohortReport } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { ReportExportQueryDto, ReportQueryDto } from './dto/report-query.dto';
import { reportCsv, reportPdf, reportXlsx } from './report-exports';
import { ReportsService } from './reports.service';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Administrators (every cohort) and Alliance supervisors (the cohorts they run or supervise in). */
  @RequirePermission('report:read')
  @Get('cohort')
  cohort(@CurrentUser() user: AuthUser, @Query() query: ReportQueryDto): Promise<CohortReport> {
    return this.reports.cohortReport(user, query);
  }

  /** The same report as CSV (one long table, a record per cell), XLSX (a sheet per table) or a printable PDF. */
  @RequirePermission('report:read')
  @Get('cohort/export')
  @ApiProduces(TYPES.csv, TYPES.xlsx, TYPES.pdf)
  async export(@CurrentUser() user: AuthUser, @Query() query: ReportExportQueryDto): Promise<StreamableFile> {
    const { format, ...filters } = query;
    const report = await this.reports.cohortReport(user, filters);
    const body =
      format === 'csv'
        ? Buffer.from(`\ufeff${reportCsv(report)}`, 'utf8')
        : format === 'xlsx'
          ? await reportXlsx(report)
          : await reportPdf(report);
    const day = report.generatedAt.slice(0, 10);
    // The type is set only on success, so that an error still answers as JSON.
    return new StreamableFile(body, {
      type: TYPES[format],
      disposition: `attachment; filename="cohort-report-${day}.${format}"`,
    });
  }
}
