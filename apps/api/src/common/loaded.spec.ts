import { loaded } from './loaded';

class Enrolment {
  cohort?: { startDate: string };
  pcnSupervisor?: { fullName: string } | null;
}

describe('loaded', () => {
  it('gives the entity back with the relations it has', () => {
    const enrolment = Object.assign(new Enrolment(), { cohort: { startDate: '2026-01-01' }, pcnSupervisor: null });
    const typed = loaded(enrolment, 'cohort', 'pcnSupervisor');
    expect(typed.cohort.startDate).toBe('2026-01-01');
    // A nullable relation joined and empty is null, which is an answer, not a missing join.
    expect(typed.pcnSupervisor).toBeNull();
  });

  it('refuses an entity whose query did not join the relation', () => {
    expect(() => loaded(new Enrolment(), 'cohort')).toThrow('Enrolment.cohort was not loaded by the query');
  });
});
