import {
  attestableFromDate,
  attestationDateProblem,
  dutyStanding,
  type LaterDutyFact,
  laterDutyReminders,
} from './duties';

const dates = { cohortStart: '2026-09-01', employmentStart: '2026-07-15' };
const followOn = { type: 'after_programme_month', month: 6 } as const;
const appraisal = { type: 'months_into_employment', months: 12 } as const;

describe('when a duty can be true', () => {
  it('is from the start for most, after month 6 for follow-on supervision, a year into employment for the appraisal', () => {
    expect(attestableFromDate(undefined, dates)).toBeNull();
    expect(attestableFromDate(followOn, dates)).toBe('2027-03-01');
    expect(attestableFromDate(appraisal, dates)).toBe('2027-07-15');
  });

  it('refuses an attestation dated before the duty can be true', () => {
    expect(attestationDateProblem(undefined, dates, '2026-09-02')).toBeNull();
    expect(attestationDateProblem(followOn, dates, '2027-02-28')).toBe('this can only be confirmed from 2027-03-01');
    expect(attestationDateProblem(followOn, dates, '2027-03-01')).toBeNull();
    expect(attestationDateProblem(appraisal, dates, '2027-07-14')).toMatch(/from 2027-07-15/);
  });
});

describe('reminders for the later duties', () => {
  const fact = (over: Partial<LaterDutyFact> = {}): LaterDutyFact => ({
    enrolmentId: 'e1',
    cccName: 'Sam Patel',
    key: 'pcn-appraisal',
    title: 'Hold the 1-year appraisal',
    from: appraisal,
    dates,
    attested: false,
    recipientIds: ['pcn1'],
    ...over,
  });

  it('are due once the duty can be true and until it is attested, with the date it became so as the occasion', () => {
    expect(laterDutyReminders([fact()], '2027-07-14')).toEqual([]);
    expect(laterDutyReminders([fact()], '2027-07-15')).toEqual([
      {
        enrolmentId: 'e1',
        key: 'pcn-appraisal',
        recipientId: 'pcn1',
        occasion: 'pcn-appraisal@2027-07-15',
        title: 'Sam Patel: \u201cHold the 1-year appraisal\u201d can be confirmed now',
      },
    ]);
    expect(laterDutyReminders([fact({ attested: true })], '2027-08-01')).toEqual([]);
  });
});

describe('the appraisal duty', () => {
  const from = { type: 'appraisal', monthsIntoEmployment: 12 } as const;
  it('can be true from the appraisal date the handover records, else a year into the employment', () => {
    expect(attestableFromDate(from, dates)).toBe('2027-07-15');
    expect(attestableFromDate(from, { ...dates, appraisalDate: '2027-06-20' })).toBe('2027-06-20');
  });
});

describe('a party\u2019s duties over the programme', () => {
  const duties = [
    { key: 'induction', party: 'pcn', title: 'Local induction' },
    { key: 'follow-on', party: 'pcn', title: 'Follow-on supervision', attestableFrom: followOn },
    { key: 'appraisal', party: 'pcn', title: '1-year appraisal', attestableFrom: appraisal },
  ] as const;
  it('counts those that can be true by the end, and says the later ones apart', () => {
    const standing = dutyStanding([...duties], [], dates, '2027-03-01');
    expect(standing.due.map((d) => d.key)).toEqual(['induction']);
    expect(standing.later.map((l) => [l.duty.key, l.from])).toEqual([
      ['follow-on', '2027-03-01'],
      ['appraisal', '2027-07-15'],
    ]);
    const attested = [{ key: 'induction', attestedOn: '2026-09-10', attestedBy: 'Grace' }];
    expect(dutyStanding([...duties], attested, dates, '2027-03-01').confirmed.map((d) => d.key)).toEqual(['induction']);
    // An employment that began long before: the appraisal falls inside the programme and is due in it.
    const early = { ...dates, employmentStart: '2025-12-01' };
    expect(dutyStanding([...duties], [], early, '2027-03-01').due.map((d) => d.key)).toEqual([
      'induction',
      'appraisal',
    ]);
  });
});
