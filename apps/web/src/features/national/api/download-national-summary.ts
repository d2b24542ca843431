import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../../competencies';

/** "national-figures-2026-05-01.csv": the API's name, which takes the day of the figures' (UTC) timestamp. */
export function nationalFileName(today = new Date().toISOString().slice(0, 10)): string {
  return `national-figures-${today}.csv`;
}

/** The same figures as CSV (one long table: Table, Row, Row label, Column, Value), every figure as on the page. */
export function useDownloadNationalSummary() {
  return useMutation({
    mutationFn: () => apiDownload('/national/summary.csv', 'text/csv'),
    onSuccess: (blob) => saveBlob(blob, nationalFileName()),
  });
}
