import type { AgendaItem } from '@ccc/contracts';
import { addDays, formatDayHeading, isCalendarDate, londonDateTime, mondayOf } from '../../../utils/london-time';
import { formatDate } from '../../../utils/format';

/** The Monday of the week asked for in the address (any day of it will do), else of this week. */
export function weekFromParam(param: string | null, today: string): string {
  return mondayOf(param && isCalendarDate(param) ? param : today);
}

/** "23 November to 29 November 2026". */
export function weekLabel(monday: string): string {
  const sunday = addDays(monday, 6);
  const [from, to] = [formatDate(monday), formatDate(sunday)];
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  return `${sameYear ? from.replace(/ \d{4}$/, '') : from} to ${to}`;
}

export interface AgendaDay {
  date: string;
  heading: string;
  items: AgendaItem[];
}

/** The seven days of the week, each with its items in time order, by London date. */
export function groupByDay(monday: string, items: AgendaItem[]): AgendaDay[] {
  const days: AgendaDay[] = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return { date, heading: formatDayHeading(date), items: [] };
  });
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const item of sorted) {
    const day = days.find((d) => d.date === londonDateTime(item.startsAt).date);
    day?.items.push(item);
  }
  return days;
}
