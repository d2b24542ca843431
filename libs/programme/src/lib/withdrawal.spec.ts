import { leavesRegisterOnWithdrawal, onPcnToDoList, releaseStatusOnWithdrawal } from './withdrawal';

const withdrawnAt = new Date('2026-05-10T12:00:00Z');
const later = new Date('2026-05-20T09:00:00Z');
const earlier = new Date('2026-05-03T09:00:00Z');

describe('registers a withdrawal takes the CCC off', () => {
  it.each(['planned', 'awaiting_pcn', 'awaiting_alliance', 'scheduled'] as const)(
    'a cohort meeting %s for after the withdrawal',
    (status) => {
      expect(leavesRegisterOnWithdrawal({ sharedByCohort: true, status, startsAt: later }, withdrawnAt)).toBe(true);
    },
  );

  it('a cohort meeting not booked yet', () => {
    expect(leavesRegisterOnWithdrawal({ sharedByCohort: true, status: 'planned', startsAt: null }, withdrawnAt)).toBe(
      true,
    );
  });

  it('not a cohort meeting that started before the withdrawal, so its register can still be recorded as it was', () => {
    expect(
      leavesRegisterOnWithdrawal({ sharedByCohort: true, status: 'scheduled', startsAt: earlier }, withdrawnAt),
    ).toBe(false);
  });

  it.each(['completed', 'cancelled', 'missed'] as const)('not a cohort meeting already %s', (status) => {
    expect(leavesRegisterOnWithdrawal({ sharedByCohort: true, status, startsAt: later }, withdrawnAt)).toBe(false);
  });

  it("never the CCC's own sessions, whose record stays", () => {
    expect(
      leavesRegisterOnWithdrawal({ sharedByCohort: false, status: 'scheduled', startsAt: later }, withdrawnAt),
    ).toBe(false);
    expect(leavesRegisterOnWithdrawal({ sharedByCohort: false, status: 'planned', startsAt: null }, withdrawnAt)).toBe(
      false,
    );
  });
});

describe('release requests on withdrawal', () => {
  it('cancels a pending request and keeps every decision', () => {
    expect(releaseStatusOnWithdrawal('pending')).toBe('withdrawn');
    expect(releaseStatusOnWithdrawal('confirmed')).toBe('confirmed');
    expect(releaseStatusOnWithdrawal('declined')).toBe('declined');
    expect(releaseStatusOnWithdrawal('withdrawn')).toBe('withdrawn');
  });
});

describe("the PCN supervisor's to-do list", () => {
  it('holds only enrolments still running: withdrawn and completed ones drop off', () => {
    expect(onPcnToDoList('active')).toBe(true);
    expect(onPcnToDoList('withdrawn')).toBe(false);
    expect(onPcnToDoList('completed')).toBe(false);
  });
});
