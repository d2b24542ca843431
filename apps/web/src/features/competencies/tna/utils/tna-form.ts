/**
 * The TNA ratings form, for either side: the CCC's own rating and note per competency, or the Alliance
 * supervisor's agreed rating and training needs. Only competencies given a rating are sent; the others keep theirs.
 */
import type { TnaAgreedRatingsRequest, TnaRoundView, TnaSelfRatingsRequest } from '@ccc/contracts';
import type { ProficiencyLevel } from '@ccc/programme';

export type TnaFormSide = 'self' | 'agreed';

export interface TnaRowValues {
  /** A level of the scale as the radio's value, or '' when not rated. */
  rating: string;
  /** The CCC's note, or the training needs agreed. */
  text: string;
}

export type TnaValues = Record<string, TnaRowValues>;
export type TnaErrors = Record<string, string>;

export const MAX_TNA_TEXT = 5000;

export function tnaFieldId(code: string, part: 'rating' | 'text'): string {
  return `tna-${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${part}`;
}

export function initialTnaValues(round: TnaRoundView, side: TnaFormSide): TnaValues {
  return Object.fromEntries(
    round.ratings.map((r) => {
      const rating = side === 'self' ? r.selfRating : r.agreedRating;
      const text = side === 'self' ? r.selfNote : r.needs;
      return [r.code, { rating: rating === null ? '' : String(rating), text: text ?? '' }];
    }),
  );
}

/** A saved draft laid over what the API holds, for the competencies the framework still has. */
export function mergeTnaDraft(initial: TnaValues, content: unknown): TnaValues {
  if (typeof content !== 'object' || content === null) return initial;
  const ratings = (content as { ratings?: unknown }).ratings;
  if (typeof ratings !== 'object' || ratings === null) return initial;
  const merged: TnaValues = { ...initial };
  for (const code of Object.keys(initial)) {
    const row = (ratings as Record<string, unknown>)[code];
    if (typeof row !== 'object' || row === null) continue;
    const { rating, text } = row as Record<string, unknown>;
    merged[code] = {
      rating: typeof rating === 'string' ? rating : initial[code]!.rating,
      text: typeof text === 'string' ? text : initial[code]!.text,
    };
  }
  return merged;
}

export function toTnaDraft(values: TnaValues): { ratings: TnaValues } {
  return { ratings: values };
}

export function validateTna(
  values: TnaValues,
  codes: readonly { code: string; title: string }[],
  scale: readonly ProficiencyLevel[],
  side: TnaFormSide,
): TnaErrors {
  const errors: TnaErrors = {};
  let rated = 0;
  for (const { code, title } of codes) {
    const row = values[code];
    if (!row) continue;
    if (row.rating) {
      rated++;
      if (!scale.some((level) => String(level.value) === row.rating)) {
        errors[tnaFieldId(code, 'rating')] = `Choose a rating on the scale for ${title}`;
      }
    } else if (row.text.trim()) {
      errors[tnaFieldId(code, 'rating')] =
        `Choose a rating for ${title}, or clear the ${side === 'self' ? 'note' : 'training needs'}`;
    }
    if (row.text.trim().length > MAX_TNA_TEXT) {
      errors[tnaFieldId(code, 'text')] =
        `The ${side === 'self' ? 'note' : 'training needs'} for ${title} must be 5,000 characters or fewer`;
    }
  }
  if (rated === 0 && Object.keys(errors).length === 0) {
    const first = codes[0];
    errors[first ? tnaFieldId(first.code, 'rating') : 'tna'] =
      side === 'self' ? 'Rate yourself against at least one competency' : 'Agree a rating for at least one competency';
  }
  return errors;
}

/** The rated competencies, in the framework's order: the order of the request's `ratings`. */
function ratedCodes(values: TnaValues, codes: readonly { code: string }[]): string[] {
  return codes.map((c) => c.code).filter((code) => values[code]?.rating);
}

export function toSelfRatingsRequest(
  values: TnaValues,
  codes: readonly { code: string }[],
  version: number,
): TnaSelfRatingsRequest {
  return {
    ratings: ratedCodes(values, codes).map((code) => {
      const note = values[code]!.text.trim();
      return note
        ? { code, rating: Number(values[code]!.rating), note }
        : { code, rating: Number(values[code]!.rating) };
    }),
    version,
  };
}

export function toAgreedRatingsRequest(
  values: TnaValues,
  codes: readonly { code: string }[],
  version: number,
): TnaAgreedRatingsRequest {
  return {
    ratings: ratedCodes(values, codes).map((code) => {
      const needs = values[code]!.text.trim();
      return needs
        ? { code, rating: Number(values[code]!.rating), needs }
        : { code, rating: Number(values[code]!.rating) };
    }),
    version,
  };
}

/** "ratings.2.rating" (or "ratings[2].needs") to the field of the third competency sent. */
export function tnaFieldFor(serverField: string, values: TnaValues, codes: readonly { code: string }[]): string | null {
  const match = /^ratings[.[](\d+)\]?(?:\.(\w+))?$/.exec(serverField);
  if (!match) return null;
  const code = ratedCodes(values, codes)[Number(match[1])];
  if (!code) return null;
  return tnaFieldId(code, match[2] === 'note' || match[2] === 'needs' ? 'text' : 'rating');
}
