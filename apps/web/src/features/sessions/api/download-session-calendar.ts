import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';

/** The session as an .ics file; fetched with the bearer token, so it cannot be a plain link. */
export function downloadSessionCalendar(sessionId: string): Promise<Blob> {
  return apiDownload(`/sessions/${encodeURIComponent(sessionId)}/calendar.ics`, 'text/calendar');
}

/** Saves the file through a temporary object URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function calendarFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'session'}.ics`;
}

export function useDownloadSessionCalendar(sessionId: string, title: string) {
  return useMutation({
    mutationFn: () => downloadSessionCalendar(sessionId),
    onSuccess: (blob) => saveBlob(blob, calendarFileName(title)),
  });
}
