import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../../competencies';

/** Everything the service holds about a person, as a ZIP (the person themself, or an administrator of their Alliance). */
export function downloadSubjectAccess(personId: string): Promise<Blob> {
  return apiDownload(`/people/${encodeURIComponent(personId)}/subject-access-export`, 'application/zip');
}

/** "subject-access-sam-taylor-2026-05-01.zip": the person's name, so that an administrator's downloads stay apart. */
export function subjectAccessFileName(fullName: string, today: Date = new Date()): string {
  const slug = fullName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const day = today.toISOString().slice(0, 10);
  return `subject-access-${slug ? `${slug}-` : ''}${day}.zip`;
}

export function useDownloadSubjectAccess() {
  return useMutation({
    mutationFn: (person: { id: string; fullName: string }) => downloadSubjectAccess(person.id),
    onSuccess: (blob, person) => saveBlob(blob, subjectAccessFileName(person.fullName)),
  });
}
