import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { ReportFormat } from '@ccc/contracts';
import { IsCalendarDate } from '../../common/validators';

export class ReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a UUID' })
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pcnId must be a UUID' })
  pcnId?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Cohorts starting on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'Cohorts starting on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export const REPORT_FORMATS: ReportFormat[] = ['csv', 'xlsx', 'pdf'];

export class ReportExportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS, { message: 'format must be csv, xlsx or pdf' })
  format!: ReportFormat;
}
