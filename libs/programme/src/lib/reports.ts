import { expectationApplies, type ExpectationResult } from './expectations';
import type { Party, ProgrammeTemplate, Track } from './template';

/*
 * The Alliance's cohort report: rules for adding up many CCCs' records into figures for a board.
 */

export interface PartyDelivery {
  key: string;
  party: Party;
  title: string;
  /** `held`: sessions held against the target; `attended`: the CCC's attendance of the sessions held. */
  measure: 'held' | 'attended';
  delivered: number;
  expected: number;
  /** CCCs whose expectation is met, of those it applies to. */
  enrolmentsMet: number;
  enrolmentsCounted: number;
  /** CCCs whose target the plan cannot meet, though everything planned is held or on course (blaming no one). */
  enrolmentsNotInPlan: number;
  /** The template's warning, where its plan holds fewer sessions than the target. */
  warning: string | null;
  /** Sessions nobody booked before their month ended, and held sessions not attended (never one "missed"). */
  notHeld: number;
  didNotAttend: number;
}

const PARTY_ORDER: Party[] = ['alliance', 'pcn', 'ccc'];

/**
 * Sessions delivered against each party's expectations, added up over many enrolments (each evaluated with its
 * own cohort's template by evaluateExpectations). Keyed by the expectation's key, in the first template's order.
 */
export function deliveryByParty(
  enrolments: { template: ProgrammeTemplate; track: Track; results: ExpectationResult[] }[],
): PartyDelivery[] {
  const rows = new Map<string, PartyDelivery>();
  for (const { template, track, results } of enrolments) {
    for (const [i, expectation] of template.expectations.entries()) {
      const { measure } = expectation;
      if (measure.type !== 'session_count' && measure.type !== 'attendance') continue;
      if (!expectationApplies(template, track, expectation)) continue;
      // evaluateExpectations answers in the template's order: the same index, else looked for.
      const result = results[i]?.key === expectation.key ? results[i] : results.find((r) => r.key === expectation.key);
      if (!result?.progress || result.state === 'not_applicable') continue;
      const row = rows.get(expectation.key) ?? {
        key: expectation.key,
        party: expectation.party,
        title: expectation.title,
        measure: measure.type === 'session_count' ? 'held' : 'attended',
        delivered: 0,
        expected: 0,
        enrolmentsMet: 0,
        enrolmentsCounted: 0,
        enrolmentsNotInPlan: 0,
        warning: null,
        notHeld: 0,
        didNotAttend: 0,
      };
      row.delivered += result.progress.done;
      row.expected += result.progress.target;
      row.enrolmentsCounted += 1;
      if (result.state === 'met') row.enrolmentsMet += 1;
      if (result.state === 'not_in_plan') row.enrolmentsNotInPlan += 1;
      if (result.warning) row.warning ??= result.warning;
      row.notHeld += result.sessions?.notHeld ?? 0;
      row.didNotAttend += result.sessions?.didNotAttend ?? 0;
      rows.set(expectation.key, row);
    }
  }
  return [...rows.values()].sort((a, b) => PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party));
}

/** A whole per cent of a part, or null for nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** The first definition of each id, in the order given: a later template version may reword a statement. */
export function unionById<T extends { id: string }>(lists: T[][]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
