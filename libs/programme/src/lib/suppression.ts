import { SMALL_NUMBER_THRESHOLD } from './month-six';

/*
 * Small-number suppression of a table published beyond the Alliance: a count of fewer than 5 people is not shown
 * (primary), and then more counts are withheld (secondary) until none that is hidden can be worked out from the
 * ones shown and the totals they add up to.
 */

/** Why a figure is not shown: under 5 people, or withheld so that one under 5 cannot be worked out. */
export type Suppression = 'fewer_than_5' | 'withheld';

export interface SuppressionCell {
  value: number;
  /** Hidden on its own account: a count of fewer than 5 people, or a figure resting on one. */
  small: boolean;
  /**
   * The least a reader may assume of it when it is withheld for another's sake: the threshold for a count whose own
   * rule is "under 5" (it was not under 5, or it would be small), 0 for a figure hidden with another.
   */
  floor: number;
  /** A cell no smaller than this one, which bounds it when shown (e.g. the enrolments an expectation applies to). */
  cap?: number;
}

/** `total` is the sum of `parts`: indexes of the cells. */
export interface SuppressionSum {
  total: number;
  parts: number[];
}

/** When cell `from` is hidden, cell `to` must be too (`to` can be read only together with `from`). */
export interface SuppressionLink {
  from: number;
  to: number;
}

/** A count of this many people is shown; fewer is not. */
export const isSmallCount = (value: number) => value < SMALL_NUMBER_THRESHOLD;

type Bounds = [number, number];

/**
 * Whether any hidden cell of the sum is pinned to one value by the cells shown and what a reader can tell of the
 * hidden ones (a "fewer than 5" lies in 0–4, a withheld count is at least its floor, no cell exceeds its cap).
 * One sum at a time: a reader combining several sums at once (linear programming) is not modelled.
 */
function pinned(sum: SuppressionSum, cells: SuppressionCell[], state: (Suppression | null)[]): boolean {
  // total − Σ parts = 0, as Σ coefficient × value = 0.
  const members = [{ index: sum.total, sign: -1 }, ...sum.parts.map((index) => ({ index, sign: 1 }))];
  const bounds = (index: number): Bounds => {
    const cell = cells[index]!;
    const cap = cell.cap !== undefined && !state[cell.cap] ? cells[cell.cap]!.value : Infinity;
    return state[index] === 'fewer_than_5'
      ? [0, Math.min(SMALL_NUMBER_THRESHOLD - 1, cap)]
      : [Math.min(cell.floor, cap), cap];
  };
  let known = 0;
  const hidden: { sign: number; bounds: Bounds }[] = [];
  for (const { index, sign } of members) {
    if (state[index]) hidden.push({ sign, bounds: bounds(index) });
    else known += sign * cells[index]!.value;
  }
  if (hidden.length === 0) return false;
  // Σ over the hidden of sign × value = −known. For each, the others' sum ranges over [low, high].
  return hidden.some((cell, i) => {
    let low = 0;
    let high = 0;
    hidden.forEach((other, j) => {
      if (j === i) return;
      const [min, max] = other.bounds;
      low += other.sign > 0 ? min : -max;
      high += other.sign > 0 ? max : -min;
    });
    const [min, max] = cell.bounds;
    const from = cell.sign > 0 ? -known - high : known + low;
    const to = cell.sign > 0 ? -known - low : known + high;
    return Math.max(min, from) === Math.min(max, to);
  });
}

/**
 * Which cells to hide, and why. Start from the small ones; while a sum leaves a hidden cell pinned to one value
 * (one hidden cell in a sum is the plain case: subtract the others from the total), withhold the smallest part
 * still shown, or the total when every part is hidden. Terminates: each round hides one more cell.
 */
export function suppressCells(
  cells: SuppressionCell[],
  sums: SuppressionSum[],
  links: SuppressionLink[] = [],
): (Suppression | null)[] {
  const state: (Suppression | null)[] = cells.map((cell) => (cell.small ? 'fewer_than_5' : null));
  for (let changed = true; changed;) {
    changed = false;
    for (const { from, to } of links) {
      if (state[from] && !state[to]) {
        state[to] = 'withheld';
        changed = true;
      }
    }
    for (const sum of sums) {
      if (!pinned(sum, cells, state)) continue;
      const shown = sum.parts.filter((index) => !state[index]);
      const next = shown.length
        ? shown.reduce((a, b) => (cells[b]!.value < cells[a]!.value ? b : a))
        : state[sum.total]
          ? null
          : sum.total;
      if (next === null) continue;
      state[next] = 'withheld';
      changed = true;
    }
  }
  return state;
}
