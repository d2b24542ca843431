import { SMALL_NUMBER_THRESHOLD } from './month-six';
import { DEFAULT_RETENTION_YEARS } from './retention';

/*
 * The privacy notice: what the service holds about people, why, for how long, who sees it and how to use one's
 * rights. Built from the Alliance's information-governance policy, so the words and the stored retention period
 * cannot drift apart.
 */

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;
/** The Alliance's own text is a few paragraphs, not a document. */
export const MAX_NOTICE_TEXT = 10000;

/** The parts of an Alliance's policy the notice reads. A missing policy is `defaultPolicy()`. */
export interface PrivacyPolicy {
  retentionYears: number;
  controllerName: string | null;
  contactEmail: string | null;
  contactAddress: string | null;
  /** Extra text the Alliance adds: plain text, paragraphs separated by blank lines. */
  noticeText: string | null;
}

export const NOTICE_SECTION_IDS = ['what', 'why', 'how-long', 'who', 'rights', 'contact', 'alliance'] as const;
export type NoticeSectionId = (typeof NOTICE_SECTION_IDS)[number];

/** A paragraph of plain text, or a bulleted list. */
export type NoticeBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface NoticeSection {
  id: NoticeSectionId;
  heading: string;
  blocks: NoticeBlock[];
}

export function defaultPolicy(): PrivacyPolicy {
  return {
    retentionYears: DEFAULT_RETENTION_YEARS,
    controllerName: null,
    contactEmail: null,
    contactAddress: null,
    noticeText: null,
  };
}

/** Plain text → paragraphs: split on blank lines, lines within a paragraph joined, empty ones dropped. */
export function noticeParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join(' '),
    )
    .filter((p) => p.length > 0);
}

const years = (n: number) => (n === 1 ? '1 year' : `${n} years`);
const filled = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const p = (text: string): NoticeBlock => ({ kind: 'paragraph', text });
const list = (...items: string[]): NoticeBlock => ({ kind: 'list', items });

/** The notice, section by section, for one Alliance. */
export function buildPrivacyNotice(allianceName: string, policy: PrivacyPolicy): NoticeSection[] {
  const controller = filled(policy.controllerName) ?? allianceName;
  const email = filled(policy.contactEmail);
  const address = filled(policy.contactAddress);
  const extra = noticeParagraphs(policy.noticeText);

  const sections: NoticeSection[] = [
    {
      id: 'what',
      heading: 'What we hold about you',
      blocks: [
        p(
          `${allianceName} runs a supervision and training programme for Cancer Care Coordinators ` +
            '(CCCs) in primary care. To run it, this service holds:',
        ),
        list(
          'your name, work e-mail address and the organisation you work for',
          'your role in the programme (CCC, PCN supervisor, Alliance supervisor or administrator)',
          'your enrolment: cohort, track, Primary Care Network, supervisors and employment start date',
          'supervision sessions: dates, attendance, notes and the actions agreed',
          'release time requested and confirmed for training and supervision',
          'competency evidence you submit, and the sign-offs and comments of your supervisor',
          'your training needs analysis, training plan and the training you complete',
          'your answers to the end-of-programme evaluation survey, and the outcome counts you record',
          'an audit trail of who changed what and when',
        ),
      ],
    },
    {
      id: 'why',
      heading: 'Why we hold it',
      blocks: [
        p(
          `The lawful basis is public task: ${allianceName} holds this information to run its supervision ` +
            'programme for the NHS (UK GDPR Article 6(1)(e)).',
        ),
        p(
          'We do not expect to hold special category data, such as information about your health. Evidence you ' +
            'upload must not contain patient data: describe any example in anonymised form.',
        ),
      ],
    },
    {
      id: 'how-long',
      heading: 'How long we keep it',
      blocks: [
        p(
          `We keep a completed or withdrawn enrolment, and everything recorded with it, for ` +
            `${years(policy.retentionYears)} after it ends. After that, the personal data is erased and only ` +
            'anonymised totals remain.',
        ),
      ],
    },
    {
      id: 'who',
      heading: 'Who can see it',
      blocks: [
        p("A CCC's records can be seen by:"),
        list(
          'the CCC themself',
          "the CCC's PCN supervisor",
          "the CCC's Alliance supervisor",
          `the programme administrators of ${allianceName}`,
        ),
        p(
          'Figures reported nationally are anonymised totals only, and any number under ' +
            `${SMALL_NUMBER_THRESHOLD} is suppressed so that no one can be identified.`,
        ),
      ],
    },
    {
      id: 'rights',
      heading: 'Your rights',
      blocks: [
        p('You have the right to:'),
        list(
          'see the information we hold about you (a subject access request): once signed in, you can download ' +
            'a copy yourself from the "Your data" page',
          'have information corrected if it is wrong',
          'ask for information to be erased',
          'object to how we use your information',
        ),
      ],
    },
    {
      id: 'contact',
      heading: 'Contact us',
      blocks: [
        p(`The data controller is ${controller}.`),
        p(
          email
            ? `To use your rights or ask about this notice, e-mail ${email}.`
            : `To use your rights or ask about this notice, contact the programme administrators of ${allianceName}.`,
        ),
        ...(address ? [p(`Or write to: ${address.replace(/\s*\n\s*/g, ', ').replace(/[.,\s]+$/, '')}.`)] : []),
        p(
          'If you are unhappy with how your information has been used, you can complain to the Information ' +
            "Commissioner's Office (ico.org.uk).",
        ),
      ],
    },
  ];
  if (extra.length > 0) sections.push({ id: 'alliance', heading: `More from ${allianceName}`, blocks: extra.map(p) });
  return sections;
}
