import { DEFAULT_TEMPLATE } from '@ccc/programme';
import { DEFAULT_FRAMEWORK_ID } from '../../src/competencies/competency-framework.entity';
import { inMonth } from './scheduling';
import type { World } from './world';

/**
 * A valid body for each write endpoint of the OpenAPI document, for `world`'s records: keyed by the path, or by its
 * last segment. The fuzz test varies them; the cross-Alliance test sends them with another Alliance's ids, so that
 * a refusal comes from the access rules, not from validation.
 */
export function writeExamples(world: World): Record<string, () => object> {
  return {
    '/api/auth/login': () => ({ email: world.people.cccA.email, password: 'wrong' }),
    '/api/cohorts/{id}/enrolments': () => ({
      cccId: world.people.cccUnenrolled.id,
      pcnId: world.pcn2.id,
      track: 'supervision',
      employmentStart: world.startDate,
    }),
    book: () => ({
      startsAt: inMonth(world, 3, 4),
      durationMinutes: 45,
      mode: 'virtual',
      meetingLink: 'https://meet.example.org/x',
      version: 1,
    }),
    reschedule: () => ({
      startsAt: inMonth(world, 3, 5),
      durationMinutes: 45,
      mode: 'virtual',
      meetingLink: 'https://meet.example.org/x',
      reason: 'Moved',
      version: 1,
    }),
    cancel: () => ({ reason: 'Unwell', version: 1 }),
    'pcn-response': () => ({ decision: 'propose', proposedStartsAt: inMonth(world, 3, 6), version: 1 }),
    'alliance-response': () => ({ decision: 'counter', startsAt: inMonth(world, 3, 6), version: 1 }),
    // The wider workforce at a session open to them (issue #16, item 6).
    workforce: () => ({
      fullName: 'Jo Bloggs',
      role: 'social_prescriber',
      organisation: 'Riverside Surgery',
      email: 'jo.bloggs@example.org',
    }),
    record: () => ({
      attendance: [{ enrolmentId: world.enrolments.A, attendance: 'present' }],
      notes: 'x',
      version: 1,
    }),
    '/api/enrolments/{id}/release-requests': () => ({
      kind: 'study',
      date: world.startDate,
      minutes: 60,
      description: 'Reading',
    }),
    confirm: () => ({ version: 1 }),
    decline: () => ({ version: 1, reason: 'Busy' }),
    '/api/release-requests/{id}/withdraw': () => ({ version: 1 }),
    '/api/agreed-actions/{id}/done': () => ({ version: 1 }),
    'confirm-week': () => ({ week: '2026-W48' }),
    '/api/me/notification-preferences': () => ({ enabled: { session_tomorrow: false }, version: 0 }),
    // Competencies: most of these are refused to an administrator (403), which is what they must stay.
    start: () => ({ version: 0 }),
    evidence: () => ({ kind: 'reflection', text: 'A reflection long enough' }),
    'sign-off': () => ({ rating: 3, comment: 'Good', version: 1 }),
    return: () => ({ comment: 'More please', version: 1 }),
    'withdraw-sign-off': () => ({ reason: 'Signed in error', version: 1 }),
    'self-ratings': () => ({ ratings: [{ code: 'SN-01', rating: 2 }], version: 0 }),
    'agreed-ratings': () => ({ ratings: [{ code: 'SN-01', rating: 2, needs: 'x' }], version: 0 }),
    sign: () => ({ version: 0 }),
    '/api/enrolments/{id}/training-plan-items': () => ({
      kind: 'free',
      title: 'Shadowing',
      targetMonth: 2,
      competencyCodes: [],
    }),
    '/api/training-plan-items/{id}': () => ({ title: 'Shadowing', version: 1 }),
    complete: () => ({ completedOn: world.startDate, version: 1 }),
    accept: () => ({ title: 'Shadowing', version: 1 }),
    drop: () => ({ version: 1 }),
    '/api/cohorts/{id}/competency-framework': () => ({ frameworkId: DEFAULT_FRAMEWORK_ID, version: 1 }),
    '/api/cohorts/{id}/competency-framework/move': () => ({ frameworkId: DEFAULT_FRAMEWORK_ID, version: 1 }),
    '/api/drafts/{key}': () => ({ content: { text: 'typed so far' } }),
    // Month six and administration (an administrator may amend, create cohorts and versions, invite).
    '/api/enrolments/{id}/amendments': () => ({
      record: 'handover',
      reason: 'Corrected',
      handover: { roleEvaluation: 'Valued by the practice' },
    }),
    '/api/cohorts': () => ({
      name: 'Fuzz cohort',
      templateId: world.template.id,
      startDate: world.startDate,
      supervisorIds: [world.people.supervisor1.id],
    }),
    // Correcting what was made (#16): a body with only the version read changes nothing but the version.
    '/api/cohorts/{id}': () => ({ version: 1 }),
    close: () => ({ version: 1 }),
    '/api/organisations': () => ({ name: 'Fuzz PCN' }),
    '/api/organisations/{id}': () => ({ name: 'Fuzz PCN renamed', version: 1 }),
    '/api/enrolments/{id}': () => ({
      allianceSupervisorId: world.people.supervisor1.id,
      effectiveFrom: world.startDate,
      reason: 'Correction',
      version: 1,
    }),
    reinstate: () => ({ version: 1 }),
    reopen: () => ({ version: 1, reason: 'Signed too early' }),
    pause: () => ({ from: world.startDate, reason: 'Leave', version: 1 }),
    '/api/enrolments/{id}/resume': () => ({ from: world.startDate, shift: true, version: 1 }),
    '/api/enrolments/{id}/resume/preview': () => ({ from: world.startDate, shift: true, version: 1 }),
    '/api/people/{id}': () => ({ fullName: 'Fuzz Renamed', version: 1 }),
    '/api/people/{id}/roles/end': () => ({ role: 'ccc', organisationId: world.pcn1.id }),
    deactivate: () => ({ version: 1 }),
    '/api/people/invitations': () => ({
      email: 'fuzz.invitee@example.org',
      fullName: 'Fuzz Invitee',
      role: 'ccc',
      organisationId: world.pcn1.id,
    }),
    validate: () => ({ definition: DEFAULT_TEMPLATE }),
    '/api/templates/{id}/versions': () => ({ definition: DEFAULT_TEMPLATE, acknowledgedWarnings: true }),
    password: () => ({ password: 'a-long-new-password' }),
    '/api/alliance-policy': () => ({
      retentionYears: 7,
      controllerName: 'Fuzz Controller',
      contactEmail: 'ig@example.org',
      contactAddress: null,
      noticeText: 'More.',
      version: 0,
    }),
    attestation: () => ({ attestedOn: world.startDate }),
    '/api/enrolments/{id}/attestations': () => ({
      expectationKey: 'ccc-community-of-practice',
      attestedOn: world.startDate,
    }),
  };
}

/** The example body for a path (by path, then by its last segment), or an empty object. */
export function exampleFor(examples: Record<string, () => object>, path: string): object {
  return (examples[path] ?? examples[path.split('/').pop()!] ?? (() => ({})))();
}
