import { type IsoDate, isIsoDate, monthBounds } from './months';
import type { EvaluationSurvey, OutcomeMeasure, SurveyRespondent } from './template';

/*
 * Month six and after: the handover and evaluation interview, the evaluation survey and the outcomes log.
 */

// ---------------------------------------------------------------------------------------------------------------
// The evaluation survey

export const LIKERT_LEVELS = ['strongly_disagree', 'disagree', 'neither', 'agree', 'strongly_agree'] as const;
export type LikertLevel = (typeof LIKERT_LEVELS)[number];

export const LIKERT_LABELS: Record<LikertLevel, string> = {
  strongly_disagree: 'Strongly disagree',
  disagree: 'Disagree',
  neither: 'Neither agree nor disagree',
  agree: 'Agree',
  strongly_agree: 'Strongly agree',
};

/** Free-text answers longer than this are refused: a survey answer, not a document. */
export const MAX_FREE_TEXT = 4000;

export interface FreeTextAnswer {
  text: string;
  /** The respondent allows the Alliance to quote this answer (never with their name). */
  mayQuote: boolean;
}

export interface SurveyAnswers {
  /** Statement id → level; a statement left out is not answered (respondents may skip one). */
  likert: Record<string, LikertLevel>;
  /** Question id → answer. */
  freeText: Record<string, FreeTextAnswer>;
}

export interface AnswerProblem {
  field: string;
  reason: string;
}

/** The statements and questions this respondent is asked. */
export function surveyFor(survey: EvaluationSurvey, respondent: SurveyRespondent): EvaluationSurvey {
  return {
    statements: survey.statements.filter((s) => s.respondents.includes(respondent)),
    questions: survey.questions.filter((q) => q.respondents.includes(respondent)),
  };
}

/**
 * Checks answers against the template's survey for this respondent: only their statements and questions, only
 * levels of the scale, texts within bounds. Submitting also needs at least one answer: an empty response says
 * nothing and would still count as a respondent.
 */
export function checkSurveyAnswers(
  survey: EvaluationSurvey,
  respondent: SurveyRespondent,
  answers: SurveyAnswers,
  submitting: boolean,
): AnswerProblem[] {
  const mine = surveyFor(survey, respondent);
  const statements = new Set(mine.statements.map((s) => s.id));
  const questions = new Set(mine.questions.map((q) => q.id));
  const problems: AnswerProblem[] = [];
  for (const [id, level] of Object.entries(answers.likert)) {
    if (!statements.has(id))
      problems.push({ field: `likert.${id}`, reason: 'this survey has no such statement for you' });
    else if (!(LIKERT_LEVELS as readonly string[]).includes(level))
      problems.push({ field: `likert.${id}`, reason: `must be one of ${LIKERT_LEVELS.join(', ')}` });
  }
  for (const [id, answer] of Object.entries(answers.freeText)) {
    if (!questions.has(id))
      problems.push({ field: `freeText.${id}`, reason: 'this survey has no such question for you' });
    else if (typeof answer?.text !== 'string' || typeof answer.mayQuote !== 'boolean')
      problems.push({ field: `freeText.${id}`, reason: 'must be a text and whether it may be quoted' });
    else if (answer.text.length > MAX_FREE_TEXT)
      problems.push({ field: `freeText.${id}`, reason: `must be at most ${MAX_FREE_TEXT} characters` });
  }
  const answered =
    Object.keys(answers.likert).length +
    Object.values(answers.freeText).filter((a) => typeof a?.text === 'string' && a.text.trim()).length;
  if (submitting && problems.length === 0 && answered === 0)
    problems.push({ field: 'likert', reason: 'answer at least one statement or question before submitting' });
  return problems;
}

/** The survey opens when the programme's last month starts, and stays open after the end. */
export function surveyOpensOn(cohortStart: IsoDate, durationMonths: number): IsoDate {
  return monthBounds(cohortStart, durationMonths).startsOn;
}

/** A cell computed from fewer respondents than this shows FEWER_THAN_FIVE, not a figure. */
export const SMALL_NUMBER_THRESHOLD = 5;
export const FEWER_THAN_FIVE = 'fewer than 5';

export interface AgreementSummary {
  /** How many answered the statement. */
  answering: number;
  /** Of those, how many agreed or strongly agreed; null when too few answered to show. */
  agreed: number | null;
  /** Whole per cent agreed or strongly agreed; null when too few answered to show. */
  percent: number | null;
  /** What a person reads: "83%" or "fewer than 5". */
  display: string;
  /** Answers per level, for a stacked bar; null when too few answered to show. */
  distribution: Record<LikertLevel, number> | null;
}

/** Answers of "agree" or "strongly agree": the part of "% agreed". */
export function countAgreed(levels: readonly LikertLevel[]): number {
  return levels.filter((level) => level === 'agree' || level === 'strongly_agree').length;
}

/**
 * "% agreed or strongly agreed" for one statement, as the development days reported it. With fewer than five
 * answers the share, the count and the distribution are all withheld: any of them could name a respondent.
 */
export function agreementSummary(levels: readonly LikertLevel[]): AgreementSummary {
  const answering = levels.length;
  if (answering < SMALL_NUMBER_THRESHOLD)
    return { answering, agreed: null, percent: null, display: FEWER_THAN_FIVE, distribution: null };
  const distribution = Object.fromEntries(LIKERT_LEVELS.map((level) => [level, 0])) as Record<LikertLevel, number>;
  for (const level of levels) distribution[level]++;
  const agreed = countAgreed(levels);
  const percent = Math.round((agreed / answering) * 100);
  return { answering, agreed, percent, display: `${percent}%`, distribution };
}

// ---------------------------------------------------------------------------------------------------------------
// The handover and evaluation interview

export const HANDOVER_PARTIES = ['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const;
export type HandoverParty = (typeof HANDOVER_PARTIES)[number];

export const HANDOVER_PARTY_LABELS: Record<HandoverParty, string> = {
  ccc: 'the CCC',
  pcn_supervisor: 'the PCN supervisor',
  alliance_supervisor: 'the Alliance supervisor',
};

export const HANDOVER_TRAINING_KINDS = ['course', 'free'] as const;
export type HandoverTrainingKind = (typeof HANDOVER_TRAINING_KINDS)[number];

/** Training agreed for after the programme: shaped like a training plan item. */
export interface HandoverTrainingItem {
  kind: HandoverTrainingKind;
  title: string;
  /** A self-directed course of the template, for kind `course`. */
  courseKey: string | null;
  /** Month after the programme, 1 to the template's handoverPlanMonths. */
  targetMonth: number;
  competencyCodes: string[];
}

export interface HandoverContent {
  pcnPriorities: string | null;
  roleDevelopment: string | null;
  trainingAgreed: HandoverTrainingItem[];
  followOnSupervisorName: string | null;
  appraisalDate: IsoDate | null;
  roleEvaluation: string | null;
}

/** The handover's planning horizon when a template does not set one (handoverPlanMonths). */
export const HANDOVER_MONTHS_AHEAD = 6;

/** Field problems in the interview's content (each field may still be empty while it is being written). */
export function checkHandoverContent(
  content: HandoverContent,
  context: { courseKeys: string[]; cohortStart: IsoDate; monthsAhead?: number },
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const monthsAhead = context.monthsAhead ?? HANDOVER_MONTHS_AHEAD;
  content.trainingAgreed.forEach((item, i) => {
    const at = `trainingAgreed[${i}]`;
    if (!item.title?.trim()) problems.push({ field: `${at}.title`, reason: 'must be a non-empty text' });
    if (!Number.isInteger(item.targetMonth) || item.targetMonth < 1 || item.targetMonth > monthsAhead)
      problems.push({
        field: `${at}.targetMonth`,
        reason: `must be a month of the next ${monthsAhead}, from 1 to ${monthsAhead}`,
      });
    if (item.kind === 'course' && !context.courseKeys.includes(item.courseKey ?? ''))
      problems.push({ field: `${at}.courseKey`, reason: 'must be one of the programme\u2019s self-directed courses' });
    if (item.kind === 'free' && item.courseKey)
      problems.push({ field: `${at}.courseKey`, reason: 'only a course item names a course' });
  });
  if (content.appraisalDate !== null) {
    if (!isIsoDate(content.appraisalDate))
      problems.push({ field: 'appraisalDate', reason: 'appraisalDate must be a real date as YYYY-MM-DD' });
    else if (content.appraisalDate < context.cohortStart)
      problems.push({ field: 'appraisalDate', reason: 'the 1-year appraisal cannot be before the programme started' });
  }
  return problems;
}

/** Why the record cannot be signed yet (the parts still empty), or null when it can. */
export function handoverSignBlocker(content: HandoverContent): string | null {
  const missing = [
    !content.roleDevelopment?.trim() && 'how the role developed against the PCN\u2019s priorities',
    !content.followOnSupervisorName?.trim() && 'who takes over clinical supervision',
    !content.appraisalDate && 'the date of the 1-year appraisal',
    !content.roleEvaluation?.trim() && 'the evaluation of the role',
  ].filter((m): m is string => !!m);
  return missing.length ? `Fill in ${missing.join(', ')} before signing` : null;
}

export type HandoverSignatures = Record<HandoverParty, Date | null>;

export function signedByAll(signatures: HandoverSignatures): boolean {
  return HANDOVER_PARTIES.every((party) => signatures[party] !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// The outcomes log

/** An upper bound that no PCN reaches in a month, to catch a typing slip. */
export const MAX_MONTHLY_COUNT = 100_000;

export interface OutcomeEntryInput {
  month: number;
  measureId: string;
  count: number;
}

/** A month's count can be recorded once that month of the programme has started. */
export function checkOutcomeEntry(
  entry: OutcomeEntryInput,
  context: { measures: OutcomeMeasure[]; cohortStart: IsoDate; durationMonths: number; today: IsoDate },
  field = '',
): AnswerProblem[] {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const problems: AnswerProblem[] = [];
  if (!Number.isInteger(entry.month) || entry.month < 1 || entry.month > context.durationMonths)
    problems.push({ field: at('month'), reason: `must be a month of the programme, 1 to ${context.durationMonths}` });
  else if (monthBounds(context.cohortStart, entry.month).startsOn > context.today)
    problems.push({ field: at('month'), reason: `month ${entry.month} has not started yet` });
  if (!context.measures.some((m) => m.id === entry.measureId))
    problems.push({ field: at('measureId'), reason: 'this programme has no such outcome measure' });
  if (!Number.isInteger(entry.count) || entry.count < 0 || entry.count > MAX_MONTHLY_COUNT)
    problems.push({ field: at('count'), reason: `must be a whole number from 0 to ${MAX_MONTHLY_COUNT}` });
  return problems;
}
