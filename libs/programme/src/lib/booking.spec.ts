import {
  attendeeStatus,
  availableActions,
  checkBooking,
  displayStatus,
  HELD_ATTENDANCE,
  humanMinutes,
  NOT_ATTENDED,
  overlaps,
  SESSION_STATUSES,
  type SessionState,
  transition,
} from './booking';
import { monthBounds } from './months';

const JOINT: SessionState = {
  status: 'planned',
  participants: ['ccc', 'pcn_supervisor', 'alliance_supervisor'],
  startsAt: null,
  durationMinutes: null,
};
const INDIVIDUAL: SessionState = {
  status: 'planned',
  participants: ['ccc', 'alliance_supervisor'],
  startsAt: null,
  durationMinutes: null,
};
const NOW = new Date('2026-11-25T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('the life of a session', () => {
  it('books an individual session straight to scheduled, and a joint one to awaiting the PCN supervisor', () => {
    expect(transition('book', INDIVIDUAL, 'alliance', NOW)).toEqual({ allowed: true, to: 'scheduled' });
    expect(transition('book', JOINT, 'alliance', NOW)).toEqual({ allowed: true, to: 'awaiting_pcn' });
  });

  it('walks a joint session through a counter-proposal to scheduled', () => {
    const awaiting = { ...JOINT, status: 'awaiting_pcn' as const };
    expect(transition('propose_slot', awaiting, 'pcn', NOW)).toEqual({ allowed: true, to: 'awaiting_alliance' });
    const proposed = { ...JOINT, status: 'awaiting_alliance' as const };
    expect(transition('counter_proposal', proposed, 'alliance', NOW)).toEqual({ allowed: true, to: 'awaiting_pcn' });
    expect(transition('accept_proposal', proposed, 'alliance', NOW)).toEqual({ allowed: true, to: 'scheduled' });
    expect(transition('accept_slot', awaiting, 'pcn', NOW)).toEqual({ allowed: true, to: 'scheduled' });
  });

  it('says who may act and why not', () => {
    expect(transition('book', INDIVIDUAL, 'pcn', NOW)).toEqual({
      allowed: false,
      refusal: 'party',
      reason: 'Only the Alliance can book this session',
    });
    expect(transition('accept_slot', { ...JOINT, status: 'awaiting_pcn' }, 'alliance', NOW)).toEqual({
      allowed: false,
      refusal: 'party',
      reason: 'Only the PCN supervisor can accept slot this session',
    });
    expect(transition('book', { ...INDIVIDUAL, status: 'scheduled' }, 'alliance', NOW)).toEqual({
      allowed: false,
      refusal: 'state',
      reason: 'Cannot book a session that is booked',
    });
    expect(transition('record', { ...INDIVIDUAL, status: 'completed' }, 'alliance', NOW)).toMatchObject({
      allowed: false,
    });
  });

  it('records a session only once it has started', () => {
    const booked = { ...INDIVIDUAL, status: 'scheduled' as const, durationMinutes: 60 };
    expect(transition('record', { ...booked, startsAt: at('2026-11-26T10:00:00Z') }, 'alliance', NOW)).toEqual({
      allowed: false,
      refusal: 'state',
      reason: 'A session can be recorded once it has started',
    });
    expect(transition('record', { ...booked, startsAt: at('2026-11-25T11:00:00Z') }, 'alliance', NOW)).toEqual({
      allowed: true,
      to: 'completed',
    });
  });

  it('offers each party only what they can do next', () => {
    const awaiting = {
      ...JOINT,
      status: 'awaiting_pcn' as const,
      startsAt: at('2026-12-01T10:00:00Z'),
      durationMinutes: 45,
    };
    expect(availableActions(awaiting, 'pcn', NOW)).toEqual(['accept_slot', 'propose_slot']);
    expect(availableActions(awaiting, 'alliance', NOW)).toEqual(['reschedule', 'cancel']);
    expect(availableActions(awaiting, 'ccc', NOW)).toEqual([]);
    expect(availableActions(INDIVIDUAL, 'alliance', NOW)).toEqual(['book']);
  });

  it('knows every status, including the two waiting ones', () => {
    expect([...SESSION_STATUSES]).toEqual([
      'planned',
      'awaiting_pcn',
      'awaiting_alliance',
      'scheduled',
      'completed',
      'cancelled',
      'missed',
    ]);
  });
});

describe('what a person sees', () => {
  const { endsBefore } = monthBounds('2026-09-25', 2); // 2026-11-25

  it('shows a session never booked as not held from the day its month ends', () => {
    expect(displayStatus({ ...INDIVIDUAL, monthEndsBefore: endsBefore }, at('2026-11-24T23:30:00Z'))).toBe('planned');
    // London is on GMT in November: the month ends at midnight UTC.
    expect(displayStatus({ ...INDIVIDUAL, monthEndsBefore: endsBefore }, at('2026-11-25T00:30:00Z'))).toBe('not_held');
  });

  it('shows a session stored as missed as not held too: never one "missed" for two things', () => {
    expect(
      displayStatus({ ...INDIVIDUAL, status: 'missed', monthEndsBefore: endsBefore }, at('2026-11-01T12:00:00Z')),
    ).toBe('not_held');
  });

  it('uses the London date: 23:30 UTC on 31 May is already 1 June', () => {
    const june = monthBounds('2026-05-01', 1).endsBefore; // 2026-06-01
    expect(displayStatus({ ...INDIVIDUAL, monthEndsBefore: june }, at('2026-05-31T23:30:00Z'))).toBe('not_held');
  });

  it('shows a held session the CCC was absent from, or sent apologies for, as did not attend on their record', () => {
    expect(attendeeStatus('completed', 'absent')).toBe('did_not_attend');
    expect(attendeeStatus('completed', 'apologies')).toBe('did_not_attend');
    expect(attendeeStatus('completed', 'present')).toBe('completed');
    expect(attendeeStatus('completed', null)).toBe('completed');
    // A session nobody booked stays not held whatever the register says.
    expect(attendeeStatus('not_held', 'expected')).toBe('not_held');
    expect(attendeeStatus('scheduled', 'apologies')).toBe('scheduled');
  });

  it('shows a booked session not recorded within 7 days of its end as overdue', () => {
    const booked = {
      ...INDIVIDUAL,
      status: 'scheduled' as const,
      startsAt: at('2026-11-10T10:00:00Z'),
      durationMinutes: 60,
      monthEndsBefore: '2026-12-25',
    };
    expect(displayStatus(booked, at('2026-11-17T10:59:00Z'))).toBe('scheduled');
    expect(displayStatus(booked, at('2026-11-17T11:01:00Z'))).toBe('overdue');
    expect(displayStatus({ ...booked, status: 'completed' }, at('2027-01-01T00:00:00Z'))).toBe('completed');
  });

  it.each(['awaiting_pcn', 'cancelled', 'completed'] as const)('leaves a %s session as it is', (status) => {
    expect(displayStatus({ ...JOINT, status, monthEndsBefore: endsBefore }, at('2027-06-01T00:00:00Z'))).toBe(status);
  });
});

describe('a booking', () => {
  const context = { cohortStart: '2026-09-25', month: 3, durationRange: { min: 30, max: 60 } };
  const good = {
    startsAt: at('2026-12-01T10:00:00Z'),
    durationMinutes: 45,
    mode: 'virtual' as const,
    meetingLink: 'https://meet.example.org/x',
  };

  it('accepts a booking inside the plan month and the duration range', () => {
    expect(checkBooking(good, context)).toEqual({ problems: [], outOfMonth: false });
  });

  it('names each problem by field', () => {
    const { problems } = checkBooking({ ...good, durationMinutes: 90, meetingLink: ' ' }, context);
    expect(problems).toEqual([
      { field: 'durationMinutes', reason: 'this session lasts between 30 minutes and 1 hour' },
      { field: 'meetingLink', reason: 'a virtual session needs a meeting link' },
    ]);
    expect(checkBooking({ ...good, mode: 'face_to_face' }, context).problems).toEqual([
      { field: 'place', reason: 'a face-to-face session needs a place' },
    ]);
  });

  it('allows a date outside the plan month only with a reason, and says which month the session belongs to', () => {
    const late = { ...good, startsAt: at('2027-01-04T10:00:00Z') };
    expect(checkBooking(late, context)).toEqual({
      problems: [
        {
          field: 'outOfMonthReason',
          reason:
            'this session belongs to month 3 (25 Nov 2026 to 24 Dec 2026); booking it on 4 Jan 2027 needs a reason',
        },
      ],
      outOfMonth: true,
    });
    expect(checkBooking({ ...late, outOfMonthReason: 'CCC on leave in December' }, context)).toEqual({
      problems: [],
      outOfMonth: true,
    });
  });

  it('reads the day in London: 00:30 BST on 25 Oct is in month 2, not month 1', () => {
    const month2 = { ...context, month: 2 };
    expect(checkBooking({ ...good, startsAt: at('2026-10-24T23:30:00Z') }, month2).outOfMonth).toBe(false);
  });
});

describe('clashes and durations', () => {
  const a = { startsAt: at('2026-12-01T10:00:00Z'), durationMinutes: 60 };
  it('treats sessions as half-open intervals', () => {
    expect(overlaps(a, { startsAt: at('2026-12-01T10:59:00Z'), durationMinutes: 30 })).toBe(true);
    expect(overlaps(a, { startsAt: at('2026-12-01T11:00:00Z'), durationMinutes: 30 })).toBe(false);
    expect(overlaps(a, { startsAt: at('2026-12-01T09:30:00Z'), durationMinutes: 30 })).toBe(false);
    expect(overlaps(a, { startsAt: at('2026-12-01T09:00:00Z'), durationMinutes: 180 })).toBe(true);
  });

  it('says minutes as people do', () => {
    expect(humanMinutes(90)).toBe('1 hour 30 minutes');
    expect(humanMinutes(120)).toBe('2 hours');
    expect(humanMinutes(1)).toBe('1 minute');
  });
});

describe('the register of a held session', () => {
  it('says present, apologies or absent of each person, never still expected', () => {
    expect(HELD_ATTENDANCE).toEqual(['present', 'apologies', 'absent']);
    expect(HELD_ATTENDANCE).not.toContain('expected');
  });

  it('counts as not attended exactly the held answers other than present', () => {
    expect([...NOT_ATTENDED].sort()).toEqual(HELD_ATTENDANCE.filter((a) => a !== 'present').sort());
    expect(attendeeStatus('completed', 'apologies')).toBe('did_not_attend');
    expect(attendeeStatus('completed', 'present')).toBe('completed');
  });
});
