import {
  type AwaitingSlotFact,
  dueReminders,
  evidenceAwaitingReview,
  type PendingReleaseFact,
  planMonthsEnding,
  releaseUnconfirmed,
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  reminderKindsFor,
  sessionsTomorrow,
  slotsAwaitingPcn,
  type UnbookedSessionFact,
  type UpcomingSessionFact,
} from './reminders';

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe('sessions tomorrow', () => {
  const session = (startsAt: string, extra: Partial<UpcomingSessionFact> = {}): UpcomingSessionFact => ({
    sessionId: 's1',
    title: 'Joint session: review',
    startsAt: at(startsAt),
    durationMinutes: 45,
    participants: ['ccc', 'alliance_supervisor', 'pcn_supervisor'],
    leadId: 'lead',
    cccIds: ['ccc'],
    pcnSupervisorIds: ['pcn'],
    meetingLink: 'https://meet.example.org/x',
    place: null,
    ...extra,
  });

  it('reminds every attendee the day before, by the London calendar, once per session date', () => {
    const due = sessionsTomorrow([session('2026-03-04T10:30:00Z')], at('2026-03-03T08:00:00Z'));
    expect(due.map((d) => d.recipientId).sort()).toEqual(['ccc', 'lead', 'pcn']);
    expect(due[0]).toMatchObject({
      kind: 'session_tomorrow',
      subjectType: 'session',
      subjectId: 's1',
      occasion: '2026-03-04',
      title: 'Tomorrow at 10:30: Joint session: review',
      link: '/sessions/s1',
    });
    expect(due[0]!.body).toContain('Wednesday 4 March 2026 at 10:30, for 45 minutes');
    expect(due[0]!.body).toContain('Join online: https://meet.example.org/x');
  });

  it('does not remind the PCN supervisor of a session they are not part of', () => {
    const individual = session('2026-03-04T10:30:00Z', { participants: ['ccc', 'alliance_supervisor'] });
    expect(sessionsTomorrow([individual], at('2026-03-03T08:00:00Z')).map((d) => d.recipientId)).toEqual([
      'ccc',
      'lead',
    ]);
  });

  it('reads "tomorrow" in London: 23:30 UTC on 3 July is already 4 July there', () => {
    const earlyMorning = session('2026-07-04T23:30:00Z'); // 00:30 BST on 5 July
    expect(sessionsTomorrow([earlyMorning], at('2026-07-03T23:30:00Z'))).toHaveLength(3);
    expect(sessionsTomorrow([earlyMorning], at('2026-07-03T22:30:00Z'))).toHaveLength(0);
  });

  it('is not due today or two days ahead', () => {
    expect(sessionsTomorrow([session('2026-03-03T15:00:00Z')], at('2026-03-03T08:00:00Z'))).toEqual([]);
    expect(sessionsTomorrow([session('2026-03-05T09:00:00Z')], at('2026-03-03T08:00:00Z'))).toEqual([]);
  });
});

describe('a slot awaiting the PCN supervisor', () => {
  const slot: AwaitingSlotFact = {
    sessionId: 's2',
    title: 'Joint session',
    startsAt: at('2026-03-20T10:00:00Z'),
    awaitingSince: at('2026-03-02T09:00:00Z'),
    cccNames: ['Asha Patel'],
    pcnSupervisorIds: ['pcn'],
  };

  it('is due once 3 whole days have passed, to the PCN supervisor, once per offer', () => {
    expect(slotsAwaitingPcn([slot], at('2026-03-05T08:59:59Z'))).toEqual([]);
    const due = slotsAwaitingPcn([slot], at('2026-03-05T09:00:00Z'));
    expect(due).toEqual([
      {
        kind: 'slot_awaiting_pcn',
        recipientId: 'pcn',
        subjectType: 'session',
        subjectId: 's2',
        occasion: '2026-03-02T09:00:00.000Z',
        title: 'Can you make Joint session with Asha Patel?',
        body: expect.stringContaining('offered for Friday 20 March 2026 at 10:00, 3 days ago'),
        link: '/sessions/s2',
      },
    ]);
    // A later scan finds the same occasion, which the store has already sent.
    expect(slotsAwaitingPcn([slot], at('2026-03-06T09:00:00Z'))[0]!.occasion).toBe(due[0]!.occasion);
  });

  it('starts again when a new time is offered, and stops once the offered time has passed', () => {
    const reoffered = { ...slot, awaitingSince: at('2026-03-04T09:00:00Z') };
    expect(slotsAwaitingPcn([reoffered], at('2026-03-05T09:00:00Z'))).toEqual([]);
    expect(slotsAwaitingPcn([reoffered], at('2026-03-07T09:00:00Z'))[0]!.occasion).toBe('2026-03-04T09:00:00.000Z');
    expect(slotsAwaitingPcn([slot], at('2026-03-20T10:00:00Z'))).toEqual([]);
  });
});

describe('evidence waiting for review', () => {
  it('is due after 7 days, to each reviewer', () => {
    const item = {
      evidenceId: 'e1',
      competency: 'SN2 Audit the PCN safety-netting process',
      cccName: 'Asha Patel',
      submittedAt: at('2026-03-01T12:00:00Z'),
      reviewerIds: ['sup'],
      link: '/enrolments/x',
    };
    expect(evidenceAwaitingReview([item], at('2026-03-08T11:59:00Z'))).toEqual([]);
    expect(evidenceAwaitingReview([item], at('2026-03-08T12:00:00Z'))).toEqual([
      expect.objectContaining({
        kind: 'evidence_awaiting_review',
        recipientId: 'sup',
        subjectId: 'e1',
        occasion: '2026-03-01T12:00:00.000Z',
        title: 'Evidence from Asha Patel has waited a week for your review',
        body: expect.stringContaining('evidence for SN2 Audit the PCN safety-netting process on 1 March 2026'),
      }),
    ]);
  });
});

describe('a plan month ending with sessions not booked', () => {
  // Cohort starting 1 Sep 2026: month 2 is 1–31 October.
  const unbooked = (extra: Partial<UnbookedSessionFact>): UnbookedSessionFact => ({
    sessionId: 's',
    cohortId: 'c1',
    cohortName: 'Wessex cohort',
    cohortStart: '2026-09-01',
    month: 2,
    title: 'Individual supervision',
    cccName: 'Asha Patel',
    allianceSupervisorId: 'sup1',
    leadId: null,
    cohortSupervisorIds: ['runner'],
    ...extra,
  });
  const facts = [
    unbooked({ sessionId: 'a' }),
    unbooked({ sessionId: 'b', cccName: 'Ben Jones', title: 'Individual supervision' }),
    unbooked({ sessionId: 'g', cccName: null, allianceSupervisorId: null, title: 'Group supervision' }),
    unbooked({ sessionId: 'later', month: 3 }),
  ];

  it('is due in the last 7 days of the month: one reminder per supervisor, cohort and month', () => {
    expect(planMonthsEnding(facts, at('2026-10-24T12:00:00Z'))).toEqual([]);
    const due = planMonthsEnding(facts, at('2026-10-25T12:00:00Z'));
    expect(due.map((d) => [d.recipientId, d.occasion, d.title])).toEqual([
      ['sup1', 'month-2', 'Month 2 ends on 31 October 2026 with 2 sessions not booked'],
      ['runner', 'month-2', 'Month 2 ends on 31 October 2026 with 1 session not booked'],
    ]);
    expect(due[0]!.body).toBe(
      'Month 2 of Wessex cohort ends on 31 October 2026. Not booked yet:\n' +
        '- Individual supervision with Asha Patel\n- Individual supervision with Ben Jones',
    );
    expect(due[1]!.body).toContain('Group supervision (the whole cohort)');
    expect(due[0]).toMatchObject({ subjectType: 'cohort', subjectId: 'c1', link: '/' });
  });

  it('is still due on the last day, and not once the month is over', () => {
    expect(planMonthsEnding(facts, at('2026-10-31T22:00:00Z'))).toHaveLength(2); // 22:00 GMT on the 31st
    expect(planMonthsEnding(facts, at('2026-11-01T00:30:00Z'))).toEqual([]);
  });

  it('goes to the lead of a shared session when it has one', () => {
    const due = planMonthsEnding(
      [unbooked({ cccName: null, allianceSupervisorId: null, leadId: 'lead' })],
      at('2026-10-30T12:00:00Z'),
    );
    expect(due.map((d) => d.recipientId)).toEqual(['lead']);
  });
});

describe('release requests unconfirmed for a week', () => {
  const request = (extra: Partial<PendingReleaseFact>): PendingReleaseFact => ({
    requestId: 'r',
    enrolmentId: 'en1',
    cccName: 'Asha Patel',
    date: '2026-03-02',
    minutes: 90,
    description: 'ACCEND module 2',
    pendingSince: at('2026-03-02T09:00:00Z'),
    pcnSupervisorId: 'pcn',
    ...extra,
  });

  it('lists every request over a week old in one reminder per CCC, at most once a week', () => {
    const facts = [
      request({ requestId: 'r1' }),
      request({ requestId: 'r2', date: '2026-03-01', minutes: 60, description: 'Macmillan Explore' }),
      request({ requestId: 'new', pendingSince: at('2026-03-08T09:00:00Z') }),
      request({ requestId: 'other', enrolmentId: 'en2', cccName: 'Ben Jones' }),
    ];
    const due = releaseUnconfirmed(facts, at('2026-03-09T10:00:00Z'));
    expect(due).toHaveLength(2);
    expect(due[0]).toEqual({
      kind: 'release_unconfirmed',
      recipientId: 'pcn',
      subjectType: 'enrolment',
      subjectId: 'en1',
      occasion: '2026-W11',
      title: '2 release requests from Asha Patel have waited a week or more',
      body:
        'Please confirm or decline the time Asha Patel asked to be released for:\n' +
        '- 1 March 2026: 1 hour for Macmillan Explore\n- 2 March 2026: 1 hour 30 minutes for ACCEND module 2',
      link: '/enrolments/en1/release',
    });
    expect(due[1]!.title).toBe('1 release request from Ben Jones has waited a week or more');
    // Still unanswered the next week: a new occasion.
    expect(releaseUnconfirmed(facts, at('2026-03-16T10:00:00Z'))[0]!.occasion).toBe('2026-W12');
  });

  it('is not due before a week has passed', () => {
    expect(releaseUnconfirmed([request({})], at('2026-03-09T08:59:00Z'))).toEqual([]);
  });
});

describe('every kind', () => {
  it('has words for the preferences form', () => {
    for (const kind of REMINDER_KINDS) expect(REMINDER_KIND_LABELS[kind].label).toMatch(/^[A-Z]/);
  });

  it('offers each person the kinds their roles can get', () => {
    expect(reminderKindsFor(['ccc'])).toEqual(['session_tomorrow', 'handover_to_sign']);
    expect(reminderKindsFor(['pcn_supervisor'])).toEqual([
      'session_tomorrow',
      'slot_awaiting_pcn',
      'release_unconfirmed',
      'handover_to_sign',
      'duty_can_be_confirmed',
    ]);
    expect(reminderKindsFor(['alliance_supervisor'])).toEqual([
      'session_tomorrow',
      'evidence_awaiting_review',
      'plan_month_ending',
      'handover_to_sign',
      'duty_can_be_confirmed',
    ]);
    expect(reminderKindsFor(['admin'])).toEqual([...REMINDER_KINDS]);
  });

  it('collects the due reminders of all kinds, and none from no facts', () => {
    const empty = {
      upcomingSessions: [],
      awaitingSlots: [],
      evidenceAwaiting: [],
      unbookedSessions: [],
      pendingRelease: [],
    };
    expect(dueReminders(empty, new Date())).toEqual([]);
    const now = at('2026-03-10T12:00:00Z');
    const due = dueReminders(
      {
        ...empty,
        awaitingSlots: [
          {
            sessionId: 's',
            title: 'Joint session',
            startsAt: new Date(now.getTime() + DAY),
            awaitingSince: new Date(now.getTime() - 4 * DAY),
            cccNames: [],
            pcnSupervisorIds: ['pcn'],
          },
        ],
      },
      now,
    );
    expect(due.map((d) => d.kind)).toEqual(['slot_awaiting_pcn']);
    expect(due[0]!.title).toBe('Can you make Joint session?');
  });
});
