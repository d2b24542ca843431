/**
 * Query-key factories for the keys more than one feature reads or invalidates (React Query matches by prefix:
 * invalidating `enrolments.all` refreshes every enrolment's pages). A feature's own keys live beside its fetchers
 * (`xQueryKey`), built the same way; no key is written out as a literal array anywhere else.
 */
export const queryKeys = {
  enrolments: {
    all: ['enrolments'] as const,
    one: (enrolmentId: string) => ['enrolments', enrolmentId] as const,
    timeline: (enrolmentId: string) => ['enrolments', enrolmentId, 'timeline'] as const,
    changes: (enrolmentId: string) => ['enrolments', enrolmentId, 'changes'] as const,
    expectations: (enrolmentId: string) => ['enrolments', enrolmentId, 'expectations'] as const,
    duties: (enrolmentId: string) => ['enrolments', enrolmentId, 'duties'] as const,
    release: (enrolmentId: string) => ['enrolments', enrolmentId, 'release'] as const,
  },
  cohorts: { all: ['cohorts'] as const },
  caseload: ['caseload'] as const,
  pcnHome: ['pcn-home'] as const,
  agenda: {
    all: ['agenda'] as const,
    range: (from: string, days: number) => ['agenda', from, days] as const,
  },
  people: { all: ['people'] as const },
  organisations: ['organisations'] as const,
  competencyFrameworks: ['competency-frameworks'] as const,
  invitation: (token: string) => ['invitations', token] as const,
  roleOffer: (token: string) => ['role-offers', token] as const,
  link: (token: string) => ['links', token] as const,
  nationalSummary: ['national', 'summary'] as const,
  cohortReport: <Q>(query: Q) => ['reports', 'cohort', query] as const,
};
