import type { PeopleImportReport } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiUpload } from '../../../lib/api-client';
import { saveBlob } from '../../competencies';
import { peopleQueryKey } from './get-people';

export const PEOPLE_TEMPLATE_FILE = 'people-import-template.csv';

function form(file: File): FormData {
  const body = new FormData();
  body.append('file', file);
  return body;
}

/** Administrators: what the file would do, row by row, with every problem; nothing changes. */
export function dryRunPeopleImport(file: File): Promise<PeopleImportReport> {
  return apiUpload<PeopleImportReport>('/people/imports/dry-run', form(file));
}

/** Administrators: every row in one go, or nothing (400 naming each row and column). */
export function importPeople(file: File): Promise<PeopleImportReport> {
  return apiUpload<PeopleImportReport>('/people/imports', form(file));
}

export function useDryRunPeopleImport() {
  return useMutation({ mutationFn: dryRunPeopleImport });
}

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}

/** The template: a CSV whose header row is the one the import reads. */
export function useDownloadPeopleTemplate() {
  return useMutation({
    mutationFn: () => apiDownload('/people/imports/template.csv', 'text/csv'),
    onSuccess: (blob) => saveBlob(blob, PEOPLE_TEMPLATE_FILE),
  });
}
