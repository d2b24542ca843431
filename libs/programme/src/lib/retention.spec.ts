import {
  DEFAULT_RETENTION_YEARS,
  enrolmentEndedOn,
  erasureRefusal,
  type RetentionFacts,
  retentionEndsOn,
  retentionState,
} from './retention';

const base: RetentionFacts = {
  status: 'completed',
  statusChangedAt: new Date('2024-10-03T09:00:00Z'),
  cohortStart: '2024-04-01',
  durationMonths: 6,
  erasedAt: null,
};

describe('when an enrolment ended', () => {
  it('is the London day it was completed or withdrawn', () => {
    expect(enrolmentEndedOn(base)).toBe('2024-10-03');
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    expect(enrolmentEndedOn({ ...base, status: 'withdrawn', statusChangedAt: new Date('2024-05-31T23:30:00Z') })).toBe(
      '2024-06-01',
    );
  });

  it('is the last day of the programme when no date was recorded', () => {
    expect(enrolmentEndedOn({ ...base, statusChangedAt: null })).toBe('2024-09-30');
    expect(enrolmentEndedOn({ ...base, status: 'withdrawn', statusChangedAt: null })).toBe('2024-09-30');
  });

  it('is not yet while the enrolment is active', () => {
    expect(enrolmentEndedOn({ ...base, status: 'active', statusChangedAt: null })).toBeNull();
  });
});

describe('when its retention ends', () => {
  it('is the same calendar day the set number of years later, 6 by default', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(6);
    expect(retentionEndsOn('2024-10-03', 6)).toBe('2030-10-03');
    expect(retentionEndsOn('2024-10-03', 1)).toBe('2025-10-03');
  });

  it('counts 29 February as the last day of February in a year without one', () => {
    expect(retentionEndsOn('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('refuses a period that is not whole years', () => {
    expect(() => retentionEndsOn('2024-10-03', 1.5)).toThrow(RangeError);
    expect(() => retentionEndsOn('2024-10-03', -1)).toThrow(RangeError);
  });
});

describe('whether an enrolment is due for erasure', () => {
  it('is due from the day its retention ends, not the day before', () => {
    expect(retentionState(base, 6, '2030-10-02')).toEqual({
      endedOn: '2024-10-03',
      retentionEndsOn: '2030-10-03',
      due: false,
      erased: false,
    });
    expect(retentionState(base, 6, '2030-10-03').due).toBe(true);
  });

  it('follows the period the Alliance sets', () => {
    expect(retentionState(base, 2, '2026-10-03').due).toBe(true);
    expect(retentionState(base, 6, '2026-10-03').due).toBe(false);
  });

  it('is never due while active, nor once erased', () => {
    expect(retentionState({ ...base, status: 'active', statusChangedAt: null }, 6, '2099-01-01')).toMatchObject({
      endedOn: null,
      retentionEndsOn: null,
      due: false,
    });
    expect(retentionState({ ...base, erasedAt: new Date('2031-01-01T00:00:00Z') }, 6, '2031-01-02')).toMatchObject({
      due: false,
      erased: true,
    });
  });
});

describe('which enrolments may be erased on request', () => {
  it('allows a completed or withdrawn one', () => {
    expect(erasureRefusal({ status: 'completed', erasedAt: null })).toBeNull();
    expect(erasureRefusal({ status: 'withdrawn', erasedAt: null })).toBeNull();
  });

  it('refuses an active one, saying what to do', () => {
    expect(erasureRefusal({ status: 'active', erasedAt: null })).toMatch(/still active: withdraw it/);
  });

  it('refuses one already erased, saying when', () => {
    expect(erasureRefusal({ status: 'withdrawn', erasedAt: new Date('2025-03-04T10:00:00Z') })).toBe(
      "This enrolment's personal data was already erased on 2025-03-04",
    );
  });
});
