import { TZDate } from '@date-fns/tz';
import type { SessionView, TimelineResponse, TimelineSession } from '@ccc/contracts';
import { addCalendarMonths, monthBounds, PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { addDays } from 'date-fns';
import type { TestApp } from './test-app';
import type { World } from './world';

/** An ISO instant for a London wall-clock time `days` after the first day of month `month` of the world's cohort. */
export function inMonth(world: World, month: number, days: number, hour = 10, minute = 0): string {
  const [y, m, d] = monthBounds(world.startDate, month).startsOn.split('-').map(Number) as [number, number, number];
  return new Date(addDays(new TZDate(y, m - 1, d, hour, minute, PROGRAMME_TIME_ZONE), days).getTime()).toISOString();
}

export function afterProgramme(world: World, days: number): string {
  const [y, m, d] = addCalendarMonths(world.startDate, 6).split('-').map(Number) as [number, number, number];
  return new Date(addDays(new TZDate(y, m - 1, d, 10, 0, PROGRAMME_TIME_ZONE), days).getTime()).toISOString();
}

export async function timeline(t: TestApp, token: string, enrolmentId: string): Promise<TimelineResponse> {
  return (await t.http().get(`/api/enrolments/${enrolmentId}/timeline`).set('Authorization', token).expect(200)).body;
}

/** The live (not cancelled) session of a plan item on a CCC's timeline. */
export async function sessionOf(
  t: TestApp,
  token: string,
  enrolmentId: string,
  planItemKey: string,
): Promise<TimelineSession> {
  const body = await timeline(t, token, enrolmentId);
  const found = body.months
    .flatMap((m) => m.sessions)
    .find((s) => s.planItemKey === planItemKey && s.status !== 'cancelled');
  if (!found) throw new Error(`no live session ${planItemKey}`);
  return found;
}

export async function view(t: TestApp, token: string, id: string): Promise<SessionView> {
  return (await t.http().get(`/api/sessions/${id}`).set('Authorization', token).expect(200)).body;
}

export const virtual = { mode: 'virtual', meetingLink: 'https://meet.example.org/ccc' } as const;
