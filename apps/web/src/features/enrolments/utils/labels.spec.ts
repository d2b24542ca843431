import { describe, expect, it } from '@jest/globals';
import { SESSION_KINDS } from '@ccc/programme';
import {
  signOffText,
  SESSION_KIND_LABELS,
  SESSION_STATUS_LABELS,
  SESSION_STATUS_TONES,
  currentMonthLabel,
  monthSessionsSummary,
  sessionKindLabel,
  sessionStatusLabel,
} from './labels';

const cohort = { id: 'c1', name: 'Autumn 2026', startDate: '2026-07-01' };

describe('session labels', () => {
  it('names every session kind of the template', () => {
    for (const kind of SESSION_KINDS) expect(SESSION_KIND_LABELS[kind]).toBeTruthy();
    expect(sessionKindLabel('tna')).toBe('Training needs analysis');
    expect(sessionKindLabel('joint')).toBe('Joint session with PCN supervisor');
  });

  it('gives each status a distinct word, so status never relies on colour', () => {
    const labels = Object.values(SESSION_STATUS_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(sessionStatusLabel('planned')).toBe('Not booked yet');
    expect(sessionStatusLabel('not_held')).toBe('Not held: never booked');
    expect(sessionStatusLabel('did_not_attend')).toBe('Did not attend');
    expect(sessionStatusLabel('missed')).toBe('Not held');
    expect(SESSION_STATUS_TONES.not_held).not.toBe(SESSION_STATUS_TONES.did_not_attend);
    expect(Object.keys(SESSION_STATUS_TONES).sort()).toEqual(Object.keys(SESSION_STATUS_LABELS).sort());
  });

  it('falls back to the raw code for a kind or status it does not know', () => {
    expect(sessionKindLabel('mentoring')).toBe('mentoring');
    expect(sessionStatusLabel('postponed')).toBe('postponed');
  });
});

describe('currentMonthLabel', () => {
  it('says which month is running', () => {
    expect(currentMonthLabel({ currentMonth: 3, status: 'active', cohort }, '2026-09-10')).toBe('Month 3');
    expect(currentMonthLabel({ currentMonth: 3, status: 'active', cohort }, '2026-09-10', 6)).toBe('Month 3 of 6');
  });

  it('tells a cohort that has not started from one that has finished', () => {
    expect(currentMonthLabel({ currentMonth: null, status: 'active', cohort }, '2026-06-30')).toBe('Not started');
    expect(currentMonthLabel({ currentMonth: null, status: 'completed', cohort }, '2027-01-05')).toBe('Finished');
  });

  it('shows a withdrawal rather than a month', () => {
    expect(currentMonthLabel({ currentMonth: 2, status: 'withdrawn', cohort }, '2026-08-10')).toBe('Withdrawn');
    // A paused CCC says so wherever the month would be (caseload, timeline, enrolment lists).
    expect(
      currentMonthLabel({ currentMonth: 2, status: 'active', cohort, pausedFrom: '2026-08-03' }, '2026-08-10'),
    ).toMatch(/^Paused from /);
  });
});

describe('sign-offs on the timeline', () => {
  it('says who signed what, when, and how', () => {
    expect(
      signOffText({
        what: 'release_confirmed',
        by: { id: 'p', fullName: 'Priya Nair' },
        at: '2026-11-25T10:00:00.000Z',
        viaLink: true,
      }),
    ).toBe('Release confirmed by Priya Nair on 25 November 2026, by e-mailed link');
    expect(signOffText({ what: 'recorded', by: null, at: '2026-10-02T09:00:00.000Z', viaLink: false })).toBe(
      'Recorded as held on 2 October 2026',
    );
  });
});

describe('a collapsed month in one line', () => {
  it('counts the sessions by status, in words', () => {
    expect(monthSessionsSummary([])).toBe('No sessions');
    expect(monthSessionsSummary([{ status: 'completed' }])).toBe('1 session: 1 completed');
    expect(
      monthSessionsSummary([
        { status: 'completed' },
        { status: 'not_held' },
        { status: 'completed' },
        { status: 'did_not_attend' },
      ]),
    ).toBe('4 sessions: 2 completed, 1 not held: never booked, 1 did not attend');
  });
});
