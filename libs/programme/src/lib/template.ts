import type { AttestableFrom } from './duties';
/**
 * A programme template is data: an Alliance can publish a new version without a code change.
 * Everything the product knows about "month 3 has a joint review" comes from a value of this type.
 */

export const SESSION_KINDS = ['individual', 'group', 'joint', 'tna', 'conference', 'handover', 'teaching'] as const;
/** `teaching` is the monthly group teaching of the curriculum; the other six are the supervision plan's kinds. */
export type SessionKind = (typeof SESSION_KINDS)[number];

export const TRACKS = ['supervision', 'training'] as const;
/** Supervision track: newly employed CCCs, supervision plus training. Training track: any CCC in post. */
export type Track = (typeof TRACKS)[number];

export const PARTICIPANT_ROLES = ['ccc', 'alliance_supervisor', 'pcn_supervisor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTIES = ['ccc', 'pcn', 'alliance'] as const;
export type Party = (typeof PARTIES)[number];

/** How a session is held. */
export const SESSION_MODES = ['virtual', 'face_to_face'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/**
 * The wider support workforce a cohort-wide session may be open to (the month-6 conference): people who attend
 * without a programme account, added and registered by the Alliance.
 */
export const WIDER_WORKFORCE_ROLES = [
  'care_navigator',
  'cancer_support_worker',
  'social_prescriber',
  'therapy_assistant',
  'health_care_assistant',
] as const;
export type WiderWorkforceRole = (typeof WIDER_WORKFORCE_ROLES)[number];

export const WIDER_WORKFORCE_LABELS: Record<WiderWorkforceRole, string> = {
  care_navigator: 'Care navigator',
  cancer_support_worker: 'Cancer support worker',
  social_prescriber: 'Social prescriber',
  therapy_assistant: 'Therapy assistant',
  health_care_assistant: 'Health care assistant',
};

export interface DurationRange {
  /** minutes */
  min: number;
  /** minutes */
  max: number;
}

export interface PlanItem {
  /** Stable within a template version, e.g. `m3-joint`; sessions keep it so history survives template edits. */
  key: string;
  month: number;
  kind: SessionKind;
  title: string;
  purpose: string;
  participants: ParticipantRole[];
  durationMinutes: DurationRange;
  mode: SessionMode;
  /** Which tracks take this item. */
  tracks: Track[];
  /** One meeting for the whole cohort (group supervision, the conference) rather than one per CCC. */
  sharedByCohort: boolean;
  /** The wider workforce it is open to beside the cohort (a session shared by the cohort only); absent: none. */
  openTo?: WiderWorkforceRole[];
}

export interface TeachingTopic {
  month: number;
  topic: string;
  durationMinutes: DurationRange;
  mode: SessionMode;
}

export interface SelfDirectedCourse {
  key: string;
  title: string;
}

export type ExpectationMeasure =
  /** A count of the CCC's sessions of these kinds over the programme. */
  | { type: 'session_count'; kinds: SessionKind[]; target: number }
  /** Attendance at the sessions of these kinds. */
  | { type: 'attendance'; kinds: SessionKind[] }
  /** Protected study time per ISO week, in hours. */
  | { type: 'weekly_release'; minHours: number; maxHours: number }
  /** Release for supervisions and training over the whole programme. */
  | { type: 'total_release'; maxDays: number; hoursPerDay: number }
  | { type: 'competencies' }
  | { type: 'training' }
  | { type: 'survey' }
  /** Nothing in the data can show it: the responsible party attests it. */
  | { type: 'attestation' }
  /** The party's Table 2 duties (template `duties`), each attested on its own when it can be true. */
  | { type: 'duties' };

export interface Expectation {
  key: string;
  party: Party;
  title: string;
  measure: ExpectationMeasure;
  /**
   * Which tracks it applies to; on the others it shows as not applicable. Absent (versions stored before it
   * existed): every track, except a session measure whose kinds the track's plan never holds.
   */
  tracks?: Track[];
}

/** Who answers the evaluation survey at the end: the CCC and the PCN supervisor. */
export const SURVEY_RESPONDENTS = ['ccc', 'pcn_supervisor'] as const;
export type SurveyRespondent = (typeof SURVEY_RESPONDENTS)[number];

/** A Likert statement ("strongly disagree" … "strongly agree"); its id stays the same across template versions. */
export interface SurveyStatement {
  id: string;
  text: string;
  respondents: SurveyRespondent[];
}

/** A free-text question; each answer carries the respondent's choice whether it may be quoted. */
export interface SurveyQuestion {
  id: string;
  text: string;
  respondents: SurveyRespondent[];
}

export interface EvaluationSurvey {
  statements: SurveyStatement[];
  questions: SurveyQuestion[];
}

/** A monthly count the CCC records, chosen by the Alliance (the GM pilot reported Cancer Care Reviews, …). */
export interface OutcomeMeasure {
  id: string;
  label: string;
  /** What is counted, in the plural: "reviews", "referrals". */
  unit: string;
}

/**
 * One of a party's duties to the CCC (the seed's Table 2: the PCN's mandatory training, local induction, …; the
 * Alliance's own), attested on its own by the party. Some can only be true later (libs/programme duties.ts).
 */
export interface Duty {
  key: string;
  party: 'pcn' | 'alliance';
  title: string;
  /** When it can first be true; absent: from the start. */
  attestableFrom?: AttestableFrom;
}

export interface ProgrammeTemplate {
  key: string;
  name: string;
  version: number;
  durationMonths: number;
  /** How many months before the cohort start a CCC may have been employed and still join the supervision track. */
  supervisionEligibilityMonths: number;
  /**
   * How many months after the cohort start a CCC's employment may begin and still join the supervision track
   * (exclusive end: 1 is "by the end of the cohort's first month"). Absent: SUPERVISION_ELIGIBILITY_MONTHS_AFTER.
   */
  supervisionEligibilityMonthsAfter?: number;
  plan: PlanItem[];
  teaching: TeachingTopic[];
  selfDirectedCourses: SelfDirectedCourse[];
  expectations: Expectation[];
  /** Absent in versions stored before the survey existed: read with the defaults (withTemplateDefaults). */
  evaluation: EvaluationSurvey;
  outcomeMeasures: OutcomeMeasure[];
  /**
   * How many months after the programme the handover interview plans training for (its items' target months).
   * Absent: HANDOVER_MONTHS_AHEAD (Wessex's "the next six months").
   */
  handoverPlanMonths?: number;
  /** The parties' duties to the CCC, attested one by one. Absent in versions stored before them: none. */
  duties?: Duty[];
}
