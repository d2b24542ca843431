import { DEFAULT_TEMPLATE } from './default-template';
import { type PlannedSession, plannedSessions, teachingKey } from './schedule';
import type { Expectation, Party, SessionKind } from './template';

function inMonth(sessions: PlannedSession[], month: number): PlannedSession[] {
  return sessions.filter((s) => s.month === month);
}

function kindsOf(sessions: PlannedSession[]): SessionKind[] {
  return sessions.map((s) => s.kind).sort();
}

function only(sessions: PlannedSession[], kind: SessionKind): PlannedSession {
  const found = sessions.filter((s) => s.kind === kind);
  if (found.length !== 1) throw new Error(`expected exactly one ${kind}, found ${found.length}`);
  return found[0] as PlannedSession;
}

describe('the Wessex offer as the default template', () => {
  it('runs for 6 months and takes supervision-track CCCs employed within 4 months of the cohort start', () => {
    expect(DEFAULT_TEMPLATE.durationMonths).toBe(6);
    expect(DEFAULT_TEMPLATE.supervisionEligibilityMonths).toBe(4);
  });
});

describe('the supervision plan of a supervision-track CCC, month by month', () => {
  const sessions = plannedSessions(DEFAULT_TEMPLATE, 'supervision');

  it('month 1: individual introduction, joint session on PCN priorities, TNA, group supervision, teaching on DES/QOF/integrated care', () => {
    const month1 = inMonth(sessions, 1);
    expect(kindsOf(month1)).toEqual(['group', 'individual', 'joint', 'teaching', 'tna']);

    const intro = only(month1, 'individual');
    expect(intro.purpose).toMatch(/toolkit/i);
    expect(intro.purpose).toMatch(/ACCEND/);
    expect(intro.purpose).toMatch(/competency framework/i);

    expect(only(month1, 'joint').purpose).toMatch(/PCN priorities/);
    expect(only(month1, 'tna').purpose).toMatch(/training plan/i);
    expect(only(month1, 'teaching').purpose).toBe('Introduction to DES, QOF, integrated care');
  });

  it('month 2: individual, group, teaching on prevention, screening and early diagnosis', () => {
    const month2 = inMonth(sessions, 2);
    expect(kindsOf(month2)).toEqual(['group', 'individual', 'teaching']);
    expect(only(month2, 'teaching').purpose).toBe('Prevention, screening, early diagnosis');
  });

  it('month 3: individual, group, joint review with the PCN supervisor, teaching on health inequalities', () => {
    const month3 = inMonth(sessions, 3);
    expect(kindsOf(month3)).toEqual(['group', 'individual', 'joint', 'teaching']);
    expect(only(month3, 'joint').title).toMatch(/review/i);
    expect(only(month3, 'teaching').purpose).toBe('Tackling health inequalities');
  });

  it('month 4: individual, group, teaching on eHNA and Cancer Care Reviews', () => {
    const month4 = inMonth(sessions, 4);
    expect(kindsOf(month4)).toEqual(['group', 'individual', 'teaching']);
    expect(only(month4, 'teaching').purpose).toMatch(/^eHNA & Cancer Care Reviews/);
  });

  it('month 5: individual, group, teaching on prehabilitation and rehabilitation', () => {
    const month5 = inMonth(sessions, 5);
    expect(kindsOf(month5)).toEqual(['group', 'individual', 'teaching']);
    expect(only(month5, 'teaching').purpose).toMatch(/^Prehabilitation and rehabilitation/);
  });

  it('month 6: individual, the support workforce conference, handover and evaluation interview, and no teaching', () => {
    const month6 = inMonth(sessions, 6);
    expect(kindsOf(month6)).toEqual(['conference', 'handover', 'individual']);
    expect(only(month6, 'handover').title).toMatch(/handover and evaluation interview/i);
    expect(only(month6, 'conference').mode).toBe('face_to_face');
  });

  it('holds nothing outside months 1 to 6, and lists the sessions in month order', () => {
    expect(sessions).toHaveLength(5 + 3 + 4 + 3 + 3 + 3);
    const months = sessions.map((s) => s.month);
    expect(months).toEqual([...months].sort((a, b) => a - b));
  });

  it('has one individual session every month: 6 in all', () => {
    const individual = sessions.filter((s) => s.kind === 'individual');
    expect(individual.map((s) => s.month)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('holds the 3 PCN joint sessions at months 1, 3 and 6 (the last one the handover), 30 to 60 minutes, with the PCN supervisor', () => {
    const withPcn = sessions.filter((s) => s.kind === 'joint' || s.kind === 'handover');
    expect(withPcn.map((s) => [s.month, s.kind])).toEqual([
      [1, 'joint'],
      [3, 'joint'],
      [6, 'handover'],
    ]);
    for (const session of withPcn) {
      expect(session.durationMinutes).toEqual({ min: 30, max: 60 });
      expect(session.participants).toEqual(expect.arrayContaining(['ccc', 'pcn_supervisor']));
      expect(session.mode).toBe('virtual');
    }
  });

  it('invites the PCN supervisor to no session other than the joint ones and the handover', () => {
    const others = sessions.filter((s) => s.kind !== 'joint' && s.kind !== 'handover');
    expect(others.filter((s) => s.participants.includes('pcn_supervisor'))).toEqual([]);
  });

  it('shares group supervision, group teaching and the conference across the cohort, and nothing else', () => {
    const shared: SessionKind[] = ['group', 'teaching', 'conference'];
    for (const session of sessions) {
      expect({ key: session.planItemKey, shared: session.sharedByCohort }).toEqual({
        key: session.planItemKey,
        shared: shared.includes(session.kind),
      });
    }
  });

  it('gives every session a key unique in the plan, teaching keyed by its month', () => {
    const keys = sessions.map((s) => s.planItemKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sessions.filter((s) => s.kind === 'teaching').map((s) => s.planItemKey)).toEqual(
      [1, 2, 3, 4, 5].map(teachingKey),
    );
    expect(teachingKey(3)).toBe('teaching-m3');
  });

  it('gives every session a sensible duration and a CCC among the participants', () => {
    for (const s of sessions) {
      expect(s.durationMinutes.min).toBeGreaterThan(0);
      expect(s.durationMinutes.min).toBeLessThanOrEqual(s.durationMinutes.max);
      expect(s.participants).toContain('ccc');
    }
  });
});

describe('the training track', () => {
  const sessions = plannedSessions(DEFAULT_TEMPLATE, 'training');

  it('takes the TNA, the five group teaching sessions and the conference only', () => {
    expect(sessions.map((s) => [s.month, s.kind])).toEqual([
      [1, 'tna'],
      [1, 'teaching'],
      [2, 'teaching'],
      [3, 'teaching'],
      [4, 'teaching'],
      [5, 'teaching'],
      [6, 'conference'],
    ]);
  });

  it('has no individual, group, joint or handover session', () => {
    const supervisionOnly: SessionKind[] = ['individual', 'group', 'joint', 'handover'];
    expect(sessions.filter((s) => supervisionOnly.includes(s.kind))).toEqual([]);
  });

  it('has the same teaching topics as the supervision track', () => {
    const topics = (track: 'supervision' | 'training') =>
      plannedSessions(DEFAULT_TEMPLATE, track)
        .filter((s) => s.kind === 'teaching')
        .map((s) => s.purpose);
    expect(topics('training')).toEqual(topics('supervision'));
  });
});

describe('the self-directed courses', () => {
  it('are the four courses of the seed', () => {
    expect(DEFAULT_TEMPLATE.selfDirectedCourses.map((c) => c.title)).toEqual([
      'e-LfH ACCEND Programme',
      'Macmillan Explore',
      'Macmillan Communication Skills',
      'Personalised Care Institute',
    ]);
    const keys = DEFAULT_TEMPLATE.selfDirectedCourses.map((c) => c.key);
    expect(new Set(keys).size).toBe(4);
  });
});

describe("the three parties' expectations", () => {
  const byParty = (party: Party): Expectation[] => DEFAULT_TEMPLATE.expectations.filter((e) => e.party === party);
  const byKey = (key: string): Expectation => {
    const found = DEFAULT_TEMPLATE.expectations.find((e) => e.key === key);
    if (!found) throw new Error(`no expectation ${key}`);
    return found;
  };

  it('holds 6 for the CCC, 5 for the PCN and 7 for the Alliance, with unique keys', () => {
    expect(byParty('ccc')).toHaveLength(6);
    expect(byParty('pcn')).toHaveLength(5);
    expect(byParty('alliance')).toHaveLength(7);
    expect(DEFAULT_TEMPLATE.expectations).toHaveLength(18);
    const keys = DEFAULT_TEMPLATE.expectations.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('expects the CCC to attend individual and group supervision and the conference, work on competencies, train and answer the survey', () => {
    expect(byParty('ccc').map((e) => e.measure)).toEqual([
      { type: 'attendance', kinds: ['individual', 'group'] },
      { type: 'competencies' },
      { type: 'training' },
      { type: 'attestation' },
      { type: 'attendance', kinds: ['conference'] },
      { type: 'survey' },
    ]);
    expect(byKey('ccc-community-of-practice').title).toMatch(/community of practice/i);
  });

  it('expects the Alliance to provide 6 individual sessions, 6 group sessions and 2 TNAs', () => {
    expect(byKey('alliance-individual').measure).toEqual({ type: 'session_count', kinds: ['individual'], target: 6 });
    expect(byKey('alliance-group').measure).toEqual({ type: 'session_count', kinds: ['group'], target: 6 });
    expect(byKey('alliance-tna').measure).toEqual({ type: 'session_count', kinds: ['tna'], target: 2 });
  });

  it('expects the Alliance also to complete the competency framework, make training available, align to the DES and flex', () => {
    expect(byKey('alliance-competency-framework').measure).toEqual({ type: 'competencies' });
    expect(byKey('alliance-training-available').measure).toEqual({ type: 'training' });
    expect(byKey('alliance-des-aligned').measure).toEqual({ type: 'attestation' });
    expect(byKey('alliance-flex').measure).toEqual({ type: 'attestation' });
  });

  it('expects the PCN to release the CCC 1 to 2 hours a week, and up to 5 days of 7.5 hours (37.5 hours) in all', () => {
    expect(byKey('pcn-weekly-release').measure).toEqual({ type: 'weekly_release', minHours: 1, maxHours: 2 });
    const total = byKey('pcn-total-release').measure;
    expect(total).toEqual({ type: 'total_release', maxDays: 5, hoursPerDay: 7.5 });
    if (total.type === 'total_release') expect(total.maxDays * total.hoursPerDay).toBe(37.5);
  });

  it('expects the PCN at 3 joint sessions (the joints and the handover) and at the final interview', () => {
    const joint = byKey('pcn-joint-sessions').measure;
    expect(joint.type).toBe('session_count');
    if (joint.type === 'session_count') {
      expect([...joint.kinds].sort()).toEqual(['handover', 'joint']);
      expect(joint.target).toBe(3);
    }
    expect(byKey('pcn-final-interview').measure).toEqual({ type: 'session_count', kinds: ['handover'], target: 1 });
    expect(byKey('pcn-table-2').measure).toEqual({ type: 'duties' });
    // Table 2: the PCN's six duties (the last two later) and the Alliance's five.
    expect(DEFAULT_TEMPLATE.duties!.filter((d) => d.party === 'pcn').map((d) => d.title)).toEqual([
      'Mandatory training',
      'Local induction',
      'Systems and IT training',
      'Clinical day-to-day supervision',
      'Follow-on supervision after 6 months',
      '1-year appraisal',
    ]);
    expect(DEFAULT_TEMPLATE.duties!.filter((d) => d.party === 'alliance')).toHaveLength(5);
  });

  it('meets the PCN and individual-session targets from the plan itself', () => {
    const plan = plannedSessions(DEFAULT_TEMPLATE, 'supervision');
    expect(plan.filter((s) => s.kind === 'joint' || s.kind === 'handover')).toHaveLength(3);
    expect(plan.filter((s) => s.kind === 'handover')).toHaveLength(1);
    expect(plan.filter((s) => s.kind === 'individual')).toHaveLength(6);
  });

  it("keeps the seed's own mismatch: 5 group sessions and 1 TNA planned against 6 and 2 expected", () => {
    const plan = plannedSessions(DEFAULT_TEMPLATE, 'supervision');
    expect(plan.filter((s) => s.kind === 'group')).toHaveLength(5);
    expect(plan.filter((s) => s.kind === 'tna')).toHaveLength(1);
  });
});
