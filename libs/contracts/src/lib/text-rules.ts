/**
 * The rules for text the API takes, in one place: the API's validators (apps/api/src/common/validators.ts) and the
 * SPA's forms read the same lengths and the same characters, so a form never lets through what the API refuses nor
 * refuses what it takes. Lengths count after trimming, as the API trims before it validates.
 */
export interface TextRule {
  min: number;
  max: number;
}

/** Required free text that says why: each kind's lengths. */
export const TEXT_RULES = {
  sessionCancelReason: { min: 3, max: 1000 },
  sessionRescheduleReason: { min: 3, max: 1000 },
  releaseDeclineReason: { min: 3, max: 1000 },
  signOffComment: { min: 3, max: 5000 },
  returnEvidenceComment: { min: 3, max: 5000 },
  withdrawSignOffReason: { min: 3, max: 5000 },
  enrolmentChangeReason: { min: 1, max: 2000 },
} as const satisfies Record<string, TextRule>;

// C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the bidirectional embedding,
// override and isolate controls (which make a name display as something else).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, less line feed, carriage return and tab: what multi-line free text may not hold. */
export const CONTROL_CHARACTERS_BUT_LINE_BREAKS =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export type TextProblem = 'missing' | 'short' | 'long' | 'control';

/**
 * What is wrong with a required text, judged as the API judges it (trimmed first); null when it may be sent.
 * `multiLine`: line breaks and tabs allowed (reasons, notes); otherwise a single line (names, titles).
 */
export function requiredTextProblem(value: string, rule: TextRule, { multiLine = true } = {}): TextProblem | null {
  const text = value.trim();
  if (text.length === 0) return 'missing';
  if (text.length < rule.min) return 'short';
  if (text.length > rule.max) return 'long';
  if ((multiLine ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(text)) return 'control';
  return null;
}
