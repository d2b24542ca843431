import type { DurationRange, PlanItem, ProgrammeTemplate, SessionKind, SessionMode } from './template';

/*
 * A second programme out of the box, shaped like the Greater Manchester pilot (shared/seeds/gm-ccc-pilot-poster.txt):
 * 18 months, an induction training package in the first quarter, a peer CCC forum every other month, PCN leads
 * reviewing the role at 6 and 12 months, and the outcomes the pilot reported. It exists to prove that nothing about
 * six months or about Wessex lives outside a template's data. The poster gives the shape, not the session-level
 * detail: months, durations and wording below are the Alliance's editable defaults.
 */

const INDIVIDUAL: DurationRange = { min: 45, max: 60 };
const FORUM: DurationRange = { min: 60, max: 120 };
const JOINT: DurationRange = { min: 30, max: 60 };
const VIRTUAL: SessionMode = 'virtual';

const item = (
  month: number,
  kind: SessionKind,
  title: string,
  purpose: string,
  options: { shared?: boolean; pcn?: boolean; minutes?: DurationRange; mode?: SessionMode } = {},
): PlanItem => ({
  key: `m${month}-${kind}`,
  month,
  kind,
  title,
  purpose,
  participants: options.pcn ? ['ccc', 'alliance_supervisor', 'pcn_supervisor'] : ['ccc', 'alliance_supervisor'],
  durationMinutes: options.minutes ?? (options.pcn ? JOINT : INDIVIDUAL),
  mode: options.mode ?? VIRTUAL,
  // The pilot recruited new CCCs into post: one track.
  tracks: ['supervision'],
  sharedByCohort: options.shared ?? false,
});

/** Monthly 1:1 supervision while the role is set up, then every other month (between the forums). */
const INDIVIDUAL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, 17];
/** The CCC forum: peer-to-peer support and networking, every other month. */
const FORUM_MONTHS = [2, 4, 6, 8, 10, 12, 14, 16];

export const GM_TEMPLATE: ProgrammeTemplate = {
  key: 'gm-ccc-pilot',
  name: 'Greater Manchester CCC pilot (18 months)',
  version: 1,
  durationMonths: 18,
  supervisionEligibilityMonths: 3,
  supervisionEligibilityMonthsAfter: 1,
  // The 12-month PCN review leads into a year of agreed development after the programme.
  handoverPlanMonths: 12,
  plan: [
    item(1, 'tna', 'Induction and training needs analysis', 'Agree the induction package and the training needs'),
    item(1, 'joint', 'Induction meeting with the PCN lead', 'Tailor the role to the PCN’s needs and priorities', {
      pcn: true,
    }),
    ...INDIVIDUAL_MONTHS.map((month) =>
      item(month, 'individual', 'Individual supervision', 'Casework, Cancer Care Reviews and personal development'),
    ),
    ...FORUM_MONTHS.map((month) =>
      item(month, 'group', 'CCC forum', 'Peer-to-peer support and sharing practice with the other CCCs', {
        shared: true,
        minutes: FORUM,
      }),
    ),
    item(6, 'joint', 'Six-month review with the PCN lead', 'Review the role against the PCN’s targets', { pcn: true }),
    item(9, 'tna', 'Training needs review', 'Review the training plan half way through the pilot'),
    item(12, 'joint', 'Twelve-month review with the PCN lead', 'Plan how the role is sustained after the pilot', {
      pcn: true,
    }),
    item(
      18,
      'handover',
      'Handover and evaluation interview',
      'Hand over supervision to the PCN, agree the training ahead and evaluate the pilot',
      { pcn: true },
    ),
  ],
  teaching: [
    {
      month: 1,
      topic: 'Cancer Care Reviews with the Macmillan structured template',
      durationMinutes: FORUM,
      mode: VIRTUAL,
    },
    { month: 2, topic: 'Personalised care and support planning', durationMinutes: FORUM, mode: VIRTUAL },
    { month: 3, topic: 'Safety netting and social prescribing referrals', durationMinutes: FORUM, mode: VIRTUAL },
  ],
  selfDirectedCourses: [
    { key: 'macmillan-ccr', title: 'Macmillan: Cancer Care Reviews in primary care' },
    { key: 'personalised-care', title: 'Personalised Care Institute: core skills' },
  ],
  expectations: [
    {
      key: 'ccc-individual',
      party: 'ccc',
      title: 'Attend individual supervision',
      measure: { type: 'session_count', kinds: ['individual'], target: INDIVIDUAL_MONTHS.length },
      tracks: ['supervision'],
    },
    {
      key: 'ccc-forum',
      party: 'ccc',
      title: 'Take part in the CCC forum',
      measure: { type: 'attendance', kinds: ['group'] },
      tracks: ['supervision'],
    },
    {
      key: 'ccc-training',
      party: 'ccc',
      title: 'Complete the induction training package',
      measure: { type: 'training' },
      tracks: ['supervision'],
    },
    {
      key: 'ccc-evaluation',
      party: 'ccc',
      title: 'Complete the evaluation survey',
      measure: { type: 'survey' },
      tracks: ['supervision'],
    },
    {
      key: 'pcn-release',
      party: 'pcn',
      title: 'Release the CCC for supervision and the forum',
      measure: { type: 'weekly_release', minHours: 1, maxHours: 2 },
      tracks: ['supervision'],
    },
    {
      key: 'pcn-reviews',
      party: 'pcn',
      title: 'Attend the reviews at 6 and 12 months and the handover',
      measure: { type: 'session_count', kinds: ['joint', 'handover'], target: 4 },
      tracks: ['supervision'],
    },
    {
      key: 'alliance-handover',
      party: 'alliance',
      title: 'Hand over supervision to the PCN at the end of the pilot',
      measure: { type: 'session_count', kinds: ['handover'], target: 1 },
      tracks: ['supervision'],
    },
  ],
  evaluation: {
    statements: [
      { id: 'gm-confidence', text: 'I feel confident completing Cancer Care Reviews', respondents: ['ccc'] },
      { id: 'gm-forum', text: 'The CCC forum gave me the peer support I needed', respondents: ['ccc'] },
      {
        id: 'gm-workload',
        text: 'Having a Cancer Care Coordinator reduced my workload',
        respondents: ['pcn_supervisor'],
      },
      {
        id: 'gm-single-point',
        text: 'The CCC is a single point of contact for people affected by cancer',
        respondents: ['ccc', 'pcn_supervisor'],
      },
    ],
    questions: [
      {
        id: 'gm-sustain',
        text: 'What would help sustain the role in your PCN?',
        respondents: ['ccc', 'pcn_supervisor'],
      },
    ],
  },
  // The measures the pilot reported on its poster.
  outcomeMeasures: [
    { id: 'ccr-completed', label: 'Cancer Care Reviews completed', unit: 'reviews' },
    { id: 'ccr-audited', label: 'Cancer Care Reviews audited', unit: 'reviews' },
    { id: 'ccr-standalone', label: 'Reviews booked as a standalone appointment', unit: 'reviews' },
    { id: 'ccr-macmillan-template', label: 'Reviews using the Macmillan structured template', unit: 'reviews' },
    { id: 'spl-referrals', label: 'Social Prescriber Link Worker referrals', unit: 'referrals' },
    { id: 'patient-feedback', label: 'Patient feedback surveys completed', unit: 'surveys' },
  ],
};
