import type {
  DurationRange,
  EvaluationSurvey,
  OutcomeMeasure,
  PlanItem,
  ProgrammeTemplate,
  SessionMode,
  Track,
} from './template';
import { WIDER_WORKFORCE_ROLES } from './template';

/*
 * The Wessex Cancer Alliance offer (shared/seeds/wessex-ccc-support-and-training-offer.txt) as data.
 * The plan and the expectations are copied separately and deliberately left to disagree where the seed does
 * (5 group sessions planned against 6 expected; 1 TNA against 2): validation shows that as a warning.
 * Durations the seed does not give (only the joint sessions' 30–60 minutes) are the Alliance's editable defaults.
 */

const SUPERVISION: Track[] = ['supervision'];
const BOTH_TRACKS: Track[] = ['supervision', 'training'];
const JOINT_MINUTES: DurationRange = { min: 30, max: 60 };
const INDIVIDUAL_MINUTES: DurationRange = { min: 45, max: 60 };
const GROUP_MINUTES: DurationRange = { min: 60, max: 90 };
const VIRTUAL: SessionMode = 'virtual';

function individual(month: number, title: string, purpose: string): PlanItem {
  return {
    key: `m${month}-individual`,
    month,
    kind: 'individual',
    title,
    purpose,
    participants: ['ccc', 'alliance_supervisor'],
    durationMinutes: INDIVIDUAL_MINUTES,
    mode: VIRTUAL,
    tracks: SUPERVISION,
    sharedByCohort: false,
  };
}

function groupSupervision(month: number): PlanItem {
  return {
    key: `m${month}-group`,
    month,
    kind: 'group',
    title: 'Virtual group supervision',
    purpose: 'Group supervision with the Alliance supervisor and the CCCs of the cohort',
    participants: ['ccc', 'alliance_supervisor'],
    durationMinutes: GROUP_MINUTES,
    mode: VIRTUAL,
    tracks: SUPERVISION,
    sharedByCohort: true,
  };
}

function joint(month: number, kind: 'joint' | 'handover', title: string, purpose: string): PlanItem {
  return {
    key: `m${month}-${kind}`,
    month,
    kind,
    title,
    purpose,
    participants: ['ccc', 'pcn_supervisor', 'alliance_supervisor'],
    durationMinutes: JOINT_MINUTES,
    mode: VIRTUAL,
    tracks: SUPERVISION,
    sharedByCohort: false,
  };
}

/*
 * The end-of-programme survey. Statements are reported as "% agreed or strongly agreed", as the Wessex MDT
 * development days were (shared/seeds/wessex-mdt-coordinator-development-days.txt); the PCN statements echo the
 * GM pilot's workforce survey ("having a CCC reduced their workload", shared/seeds/gm-ccc-pilot-poster.txt).
 */
export const DEFAULT_EVALUATION: EvaluationSurvey = {
  statements: [
    {
      id: 'supervision-supported-me',
      text: 'Supervision with the Alliance supervisor supported me in my role',
      respondents: ['ccc'],
    },
    { id: 'training-increased-knowledge', text: 'The training increased my knowledge', respondents: ['ccc'] },
    {
      id: 'competencies-guided-development',
      text: 'The competency framework helped me plan my development',
      respondents: ['ccc'],
    },
    {
      id: 'connected-with-colleagues',
      text: 'I valued connecting with CCCs from other PCNs (group supervision, the community of practice)',
      respondents: ['ccc'],
    },
    {
      id: 'released-as-agreed',
      text: 'My PCN released me for training and supervision as agreed',
      respondents: ['ccc'],
    },
    { id: 'confident-in-role', text: 'I feel confident in my role as a Cancer Care Coordinator', respondents: ['ccc'] },
    {
      id: 'role-met-pcn-priorities',
      text: 'The CCC role developed in line with the PCN\u2019s priorities',
      respondents: ['pcn_supervisor'],
    },
    {
      id: 'reduced-workload',
      text: 'Having a Cancer Care Coordinator reduced the workload of the practice team',
      respondents: ['pcn_supervisor'],
    },
    {
      id: 'joint-sessions-useful',
      text: 'The joint sessions helped shape the role to the PCN\u2019s expectations',
      respondents: ['pcn_supervisor'],
    },
    {
      id: 'ready-to-supervise',
      text: 'The PCN is ready to take over the CCC\u2019s supervision',
      respondents: ['pcn_supervisor'],
    },
    {
      id: 'would-recommend',
      text: 'I would recommend the programme to other PCNs',
      respondents: ['ccc', 'pcn_supervisor'],
    },
  ],
  questions: [
    { id: 'most-valuable', text: 'What did you find most valuable?', respondents: ['ccc', 'pcn_supervisor'] },
    { id: 'work-differently', text: 'How will you work differently in the future?', respondents: ['ccc'] },
    {
      id: 'future-programmes',
      text: 'What would you like to see in future programmes?',
      respondents: ['ccc', 'pcn_supervisor'],
    },
  ],
};

/** The GM pilot's outcome counts (shared/seeds/gm-ccc-pilot-poster.txt, "Outcomes" 1–3). */
export const DEFAULT_OUTCOME_MEASURES: OutcomeMeasure[] = [
  { id: 'cancer-care-reviews', label: 'Cancer Care Reviews completed', unit: 'reviews' },
  { id: 'reviews-audited', label: 'Cancer Care Reviews audited', unit: 'reviews' },
  { id: 'social-prescriber-referrals', label: 'Social prescriber link worker referrals', unit: 'referrals' },
];

const ONGOING_INDIVIDUAL = 'Individual supervision with the Alliance supervisor';

export const DEFAULT_TEMPLATE: ProgrammeTemplate = {
  key: 'wessex-ccc-support-and-training',
  name: 'Wessex CCC support and training offer',
  version: 1,
  durationMonths: 6,
  supervisionEligibilityMonths: 4,
  supervisionEligibilityMonthsAfter: 1,
  plan: [
    individual(
      1,
      'Introduction: toolkit, ACCEND and the competency framework',
      'Introduction to the toolkit, the e-LfH ACCEND programme and the competency framework',
    ),
    joint(
      1,
      'joint',
      'Joint session: PCN priorities and the CCC role',
      'Understand the PCN priorities and the intended role of the CCC',
    ),
    {
      key: 'm1-tna',
      month: 1,
      kind: 'tna',
      title: 'Training needs analysis',
      purpose: 'Develop the training plan',
      participants: ['ccc', 'alliance_supervisor'],
      durationMinutes: { min: 45, max: 90 },
      mode: VIRTUAL,
      tracks: BOTH_TRACKS,
      sharedByCohort: false,
    },
    groupSupervision(1),
    individual(2, 'Individual supervision', ONGOING_INDIVIDUAL),
    groupSupervision(2),
    individual(3, 'Individual supervision', ONGOING_INDIVIDUAL),
    groupSupervision(3),
    joint(3, 'joint', 'Joint review with the PCN supervisor', 'Review the role against the PCN\u2019s expectations'),
    individual(4, 'Individual supervision', ONGOING_INDIVIDUAL),
    groupSupervision(4),
    individual(5, 'Individual supervision', ONGOING_INDIVIDUAL),
    groupSupervision(5),
    individual(6, 'Individual supervision', ONGOING_INDIVIDUAL),
    {
      key: 'm6-conference',
      month: 6,
      kind: 'conference',
      title: 'Support & Assistive Workforce Conference',
      purpose: 'Networking, integration, resilience, psychological support level 1 training, learning from others',
      participants: ['ccc', 'alliance_supervisor'],
      durationMinutes: { min: 360, max: 450 },
      mode: 'face_to_face',
      tracks: BOTH_TRACKS,
      sharedByCohort: true,
      // Open to the wider support workforce too (Wessex offer): they attend without programme accounts.
      openTo: [...WIDER_WORKFORCE_ROLES],
    },
    joint(
      6,
      'handover',
      'Handover and evaluation interview',
      'Hand over supervision to the PCN, agree the next six months of training and evaluate the role',
    ),
  ],
  teaching: [
    'Introduction to DES, QOF, integrated care',
    'Prevention, screening, early diagnosis',
    'Tackling health inequalities',
    'eHNA & Cancer Care Reviews, support for cancer patients',
    'Prehabilitation and rehabilitation of cancer patients',
  ].map((topic, i) => ({ month: i + 1, topic, durationMinutes: { min: 60, max: 120 }, mode: VIRTUAL })),
  selfDirectedCourses: [
    { key: 'elfh-accend', title: 'e-LfH ACCEND Programme' },
    { key: 'macmillan-explore', title: 'Macmillan Explore' },
    { key: 'macmillan-communication-skills', title: 'Macmillan Communication Skills' },
    { key: 'personalised-care-institute', title: 'Personalised Care Institute' },
  ],
  expectations: [
    {
      key: 'ccc-attend-supervision',
      party: 'ccc',
      title: 'Attend supervisions (individual and group)',
      measure: { type: 'attendance', kinds: ['individual', 'group'] },
      tracks: SUPERVISION,
    },
    {
      key: 'ccc-competencies',
      party: 'ccc',
      title: 'Work towards the competencies',
      measure: { type: 'competencies' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'ccc-training',
      party: 'ccc',
      title: 'Complete the training (virtual, online, face to face)',
      measure: { type: 'training' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'ccc-community-of-practice',
      party: 'ccc',
      title: 'Join the community of practice',
      measure: { type: 'attestation' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'ccc-conference',
      party: 'ccc',
      title: 'Attend 1 face-to-face conference or training day',
      measure: { type: 'attendance', kinds: ['conference'] },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'ccc-evaluation',
      party: 'ccc',
      title: 'Complete the evaluation survey at the end',
      measure: { type: 'survey' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'pcn-table-2',
      party: 'pcn',
      title: 'Provide the training and supervision set in Table 2',
      measure: { type: 'duties' },
      tracks: SUPERVISION,
    },
    {
      key: 'pcn-weekly-release',
      party: 'pcn',
      title: 'Release the CCC 1\u20132 hours per week for training and education',
      measure: { type: 'weekly_release', minHours: 1, maxHours: 2 },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'pcn-total-release',
      party: 'pcn',
      title: 'Release the CCC for supervisions and training up to 5 days in the programme',
      measure: { type: 'total_release', maxDays: 5, hoursPerDay: 7.5 },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'pcn-joint-sessions',
      party: 'pcn',
      title: 'Attend 3 joint sessions to set and review the role',
      measure: { type: 'session_count', kinds: ['joint', 'handover'], target: 3 },
      tracks: SUPERVISION,
    },
    {
      key: 'pcn-final-interview',
      party: 'pcn',
      title: 'Attend the final handover and evaluation interview',
      measure: { type: 'session_count', kinds: ['handover'], target: 1 },
      tracks: SUPERVISION,
    },
    {
      key: 'alliance-individual',
      party: 'alliance',
      title: 'Provide 6 individual supervision sessions',
      measure: { type: 'session_count', kinds: ['individual'], target: 6 },
      tracks: SUPERVISION,
    },
    {
      key: 'alliance-group',
      party: 'alliance',
      title: 'Provide 6 group supervision sessions',
      measure: { type: 'session_count', kinds: ['group'], target: 6 },
      tracks: SUPERVISION,
    },
    {
      key: 'alliance-tna',
      party: 'alliance',
      title: 'Provide 2 training needs analysis sessions',
      measure: { type: 'session_count', kinds: ['tna'], target: 2 },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'alliance-competency-framework',
      party: 'alliance',
      title: 'Complete the competency framework with the postholder',
      measure: { type: 'competencies' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'alliance-training-available',
      party: 'alliance',
      title: 'Ensure training is available to support the role',
      measure: { type: 'training' },
      tracks: BOTH_TRACKS,
    },
    {
      key: 'alliance-des-aligned',
      party: 'alliance',
      title: 'Ensure the role is aligned to the GP contract DES and primary care responsibilities',
      measure: { type: 'attestation' },
      tracks: SUPERVISION,
    },
    {
      key: 'alliance-flex',
      party: 'alliance',
      title: 'Flex and adapt to the changing priorities and needs of the PCN and population',
      measure: { type: 'attestation' },
      tracks: SUPERVISION,
    },
  ],
  // Table 2 of the seed: each party's duties, attested one by one (the PCN's last two only after the programme).
  duties: [
    { key: 'pcn-mandatory-training', party: 'pcn', title: 'Mandatory training' },
    { key: 'pcn-local-induction', party: 'pcn', title: 'Local induction' },
    { key: 'pcn-systems-training', party: 'pcn', title: 'Systems and IT training' },
    { key: 'pcn-clinical-supervision', party: 'pcn', title: 'Clinical day-to-day supervision' },
    {
      key: 'pcn-follow-on-supervision',
      party: 'pcn',
      title: 'Follow-on supervision after 6 months',
      attestableFrom: { type: 'after_programme_month', month: 6 },
    },
    {
      key: 'pcn-appraisal',
      party: 'pcn',
      title: '1-year appraisal',
      attestableFrom: { type: 'appraisal', monthsIntoEmployment: 12 },
    },
    { key: 'alliance-support-postholder', party: 'alliance', title: 'Supporting the postholder' },
    {
      key: 'alliance-develop-role',
      party: 'alliance',
      title: 'Collaboration with the PCN to develop the role in line with PCN and population need',
    },
    { key: 'alliance-training-needs-analysis', party: 'alliance', title: 'Training needs analysis' },
    { key: 'alliance-sign-off-competencies', party: 'alliance', title: 'Signing off competencies' },
    { key: 'alliance-training-links', party: 'alliance', title: 'Providing training and links to training' },
  ],
  evaluation: DEFAULT_EVALUATION,
  outcomeMeasures: DEFAULT_OUTCOME_MEASURES,
};
