import type { AgendaItem } from '@ccc/contracts';
import { describe, expect, it } from '@jest/globals';
import { groupByDay, weekFromParam, weekLabel } from './agenda-week';

function item(id: string, startsAt: string): AgendaItem {
  return {
    id,
    title: id,
    kind: 'individual',
    status: 'scheduled',
    startsAt,
    durationMinutes: 30,
    mode: 'virtual',
    meetingLink: null,
    place: null,
    sharedByCohort: false,
    cccs: [],
    enrolmentId: null,
  };
}

describe('the agenda week', () => {
  it('starts on Monday, whatever day the address names', () => {
    expect(weekFromParam(null, '2026-11-25')).toBe('2026-11-23');
    expect(weekFromParam('2026-12-31', '2026-11-25')).toBe('2026-12-28');
    expect(weekFromParam('not-a-date', '2026-11-25')).toBe('2026-11-23');
  });

  it('labels the week', () => {
    expect(weekLabel('2026-11-23')).toBe('23 November to 29 November 2026');
    expect(weekLabel('2026-12-28')).toBe('28 December 2026 to 3 January 2027');
  });

  it('puts each item on its London day, in time order', () => {
    const days = groupByDay('2026-06-29', [
      item('late', '2026-06-30T23:30:00Z'), // 00:30 on Wednesday 1 July in London
      item('b', '2026-06-29T13:00:00Z'),
      item('a', '2026-06-29T08:00:00Z'),
    ]);
    expect(days).toHaveLength(7);
    expect(days[0]?.heading).toBe('Monday 29 June');
    expect(days[0]?.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(days[1]?.items).toEqual([]);
    expect(days[2]?.items.map((i) => i.id)).toEqual(['late']);
  });
});
