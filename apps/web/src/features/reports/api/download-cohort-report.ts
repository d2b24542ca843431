import type { CohortReportQuery, ReportFormat } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../../competencies';
import { reportQueryString } from '../utils/report';

const ACCEPT: Record<ReportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The report as a file: CSV (one long table, a record per cell), XLSX (a sheet per table) or a printable PDF. */
export function downloadCohortReport(query: CohortReportQuery, format: ReportFormat): Promise<Blob> {
  return apiDownload(`/reports/cohort/export${reportQueryString(query, format)}`, ACCEPT[format]);
}

/** "cohort-report-2026-05-01.xlsx": the API's name, which takes the day of the report's (UTC) timestamp. */
export function reportFileName(format: ReportFormat, today = new Date().toISOString().slice(0, 10)): string {
  return `cohort-report-${today}.${format}`;
}

export function useDownloadCohortReport(query: CohortReportQuery) {
  return useMutation({
    mutationFn: (format: ReportFormat) => downloadCohortReport(query, format),
    onSuccess: (blob, format) => saveBlob(blob, reportFileName(format)),
  });
}
