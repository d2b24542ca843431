import type { NotificationView } from '@ccc/contracts';
import { REMINDER_KIND_LABELS } from '@ccc/programme';

/** The navigation's words: how many are new, when any are, so the count is read out with the link. */
export function notificationsNavLabel(unreadCount: number | undefined): string {
  return unreadCount ? `Notifications (${unreadCount} new)` : 'Notifications';
}

/** What kind of reminder an item is, in the words of the preferences form. */
export function kindLabel(kind: NotificationView['kind']): string {
  return REMINDER_KIND_LABELS[kind].label;
}

/** The lines of a reminder's text: the e-mail's words, a list kept as a list. */
export function bodyLines(body: string): { paragraphs: string[]; items: string[] } {
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    paragraphs: lines.filter((line) => !line.startsWith('- ')),
    items: lines.filter((line) => line.startsWith('- ')).map((line) => line.slice(2)),
  };
}
