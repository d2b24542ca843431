import { formatDate, todayInLondon } from '../../../utils/format';

/** An instant as the London calendar day it fell on: "3 March 2026". */
export function formatDay(isoInstant: string): string {
  return formatDate(todayInLondon(new Date(isoInstant)));
}
