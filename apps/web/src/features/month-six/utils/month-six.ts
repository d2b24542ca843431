/** The month-six forms' pure parts: the survey's answers, the outcome counts grid, and the handover's text. */
import type {
  HandoverView,
  OutcomeEntryView,
  OutcomesView,
  RecordOutcomesRequest,
  SaveSurveyRequest,
  SurveyResponseView,
  UpdateHandoverRequest,
} from '@ccc/contracts';
import { MAX_FREE_TEXT, type FreeTextAnswer, type LikertLevel } from '@ccc/programme';

// ---- The evaluation survey ----

export interface SurveyValues {
  likert: Record<string, LikertLevel>;
  freeText: Record<string, FreeTextAnswer>;
}

export function surveyValuesFrom(view: SurveyResponseView): SurveyValues {
  return { likert: { ...view.likert }, freeText: { ...view.freeText } };
}

/** Only what the person asked here and answered: an empty text box is not an answer. */
export function toSaveSurveyRequest(view: SurveyResponseView, values: SurveyValues): SaveSurveyRequest {
  const asked = view.survey.statements.filter((s) => s.respondents.includes(view.respondent)).map((s) => s.id);
  const questions = view.survey.questions.filter((q) => q.respondents.includes(view.respondent)).map((q) => q.id);
  const likert: Record<string, LikertLevel> = {};
  for (const id of asked) if (values.likert[id]) likert[id] = values.likert[id];
  const freeText: Record<string, FreeTextAnswer> = {};
  for (const id of questions) {
    const answer = values.freeText[id];
    if (answer && answer.text.trim()) freeText[id] = { text: answer.text.trim(), mayQuote: answer.mayQuote };
  }
  return { likert, freeText, version: view.version };
}

/** Errors by question id: answers too long to keep. Statements may be skipped, so none is required. */
export function validateSurvey(values: SurveyValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, answer] of Object.entries(values.freeText)) {
    if (answer.text.length > MAX_FREE_TEXT) errors[id] = `The answer must be ${MAX_FREE_TEXT} characters or fewer`;
  }
  return errors;
}

/** "5 of 7 statements answered" */
export function surveyProgress(view: SurveyResponseView, values: SurveyValues): string {
  const asked = view.survey.statements.filter((s) => s.respondents.includes(view.respondent));
  const answered = asked.filter((s) => values.likert[s.id]).length;
  return `${answered} of ${asked.length} statements answered`;
}

// ---- The outcomes log ----

/** "3:ccr" -> the text in that cell of the grid. */
export type OutcomeCells = Record<string, string>;

export const cellKey = (month: number, measureId: string) => `${month}:${measureId}`;

export function outcomeCellsFrom(view: OutcomesView): OutcomeCells {
  const cells: OutcomeCells = {};
  for (const entry of view.entries) cells[cellKey(entry.month, entry.measureId)] = String(entry.count);
  return cells;
}

export function validateOutcomeCells(cells: OutcomeCells): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, text] of Object.entries(cells)) {
    const value = text.trim();
    if (value === '') continue;
    if (!/^\d+$/.test(value)) errors[key] = 'Enter a whole number, 0 or more';
    else if (Number(value) > 100_000) errors[key] = 'Enter a number up to 100,000';
  }
  return errors;
}

/** The cells that changed since the view, with the version of a count already recorded; null when none did. */
export function toRecordOutcomesRequest(view: OutcomesView, cells: OutcomeCells): RecordOutcomesRequest | null {
  const recorded = new Map<string, OutcomeEntryView>(view.entries.map((e) => [cellKey(e.month, e.measureId), e]));
  const entries: RecordOutcomesRequest['entries'] = [];
  for (const { month } of view.months) {
    for (const measure of view.measures) {
      const key = cellKey(month, measure.id);
      const text = (cells[key] ?? '').trim();
      if (text === '' || !/^\d+$/.test(text)) continue;
      const before = recorded.get(key);
      if (before && before.count === Number(text)) continue;
      entries.push({
        month,
        measureId: measure.id,
        count: Number(text),
        ...(before ? { version: before.version } : {}),
      });
    }
  }
  return entries.length > 0 ? { entries } : null;
}

// ---- The handover interview ----

export const HANDOVER_TEXT_FIELDS = [
  'pcnPriorities',
  'roleDevelopment',
  'followOnSupervisorName',
  'appraisalDate',
  'roleEvaluation',
] as const;
export type HandoverTextField = (typeof HANDOVER_TEXT_FIELDS)[number];
export type HandoverValues = Record<HandoverTextField, string>;

export function handoverValuesFrom(view: HandoverView): HandoverValues {
  return {
    pcnPriorities: view.pcnPriorities ?? '',
    roleDevelopment: view.roleDevelopment ?? '',
    followOnSupervisorName: view.followOnSupervisorName ?? '',
    appraisalDate: view.appraisalDate ?? '',
    roleEvaluation: view.roleEvaluation ?? '',
  };
}

/** The whole record, an empty box sent as null; the training agreed is kept as it is. */
export function toUpdateHandoverRequest(view: HandoverView, values: HandoverValues): UpdateHandoverRequest {
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  return {
    pcnPriorities: orNull(values.pcnPriorities),
    roleDevelopment: orNull(values.roleDevelopment),
    trainingAgreed: view.trainingAgreed,
    followOnSupervisorName: orNull(values.followOnSupervisorName),
    appraisalDate: orNull(values.appraisalDate),
    roleEvaluation: orNull(values.roleEvaluation),
    version: view.version,
  };
}

export function validateHandover(values: HandoverValues, amendReason?: string): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (values.appraisalDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.appraisalDate)) {
    errors['appraisalDate'] = 'The appraisal date must be a real date';
  }
  if (amendReason !== undefined && !amendReason.trim()) errors['reason'] = 'Enter why the record is being corrected';
  return errors;
}
