/** The query keys of an enrolment's month-six records, under the enrolment's own key. */
export const handoverQueryKey = (enrolmentId: string) => ['enrolments', enrolmentId, 'handover'] as const;
export const surveyQueryKey = (enrolmentId: string) => ['enrolments', enrolmentId, 'survey'] as const;
export const outcomesQueryKey = (enrolmentId: string) => ['enrolments', enrolmentId, 'outcomes'] as const;
export const amendmentsQueryKey = (enrolmentId: string) => ['enrolments', enrolmentId, 'amendments'] as const;
