import type { ExpectationResult } from '@ccc/programme';

export const EXPECTATION_STATE_LABELS: Record<ExpectationResult['state'], string> = {
  met: 'Met',
  on_track: 'On track',
  at_risk: 'At risk',
  missed: 'Missed',
  not_in_plan: 'Target not in the plan',
  not_applicable: 'Not applicable',
  not_measured: 'Not measured yet',
};

export const EXPECTATION_STATE_TONES: Record<
  ExpectationResult['state'],
  'success' | 'info' | 'warning' | 'danger' | 'neutral'
> = {
  met: 'success',
  on_track: 'info',
  at_risk: 'warning',
  missed: 'danger',
  // The template's shortfall, not a party's: said plainly, in no colour of blame.
  not_in_plan: 'neutral',
  not_applicable: 'neutral',
  not_measured: 'neutral',
};

export const PARTIES: { party: ExpectationResult['party']; title: string }[] = [
  { party: 'ccc', title: 'The CCC' },
  { party: 'pcn', title: 'The PCN' },
  { party: 'alliance', title: 'The Cancer Alliance' },
];

/** "1 not held (never booked), 2 did not attend": the two ways a session did not count, never one "missed". */
export function sessionOutcomesText({ notHeld, didNotAttend }: { notHeld: number; didNotAttend: number }): string {
  return [notHeld ? `${notHeld} not held (never booked)` : '', didNotAttend ? `${didNotAttend} did not attend` : '']
    .filter(Boolean)
    .join(', ');
}

/** "3 met, 1 at risk" for a group heading; states in a fixed order, only those present. */
export function stateSummary(results: readonly ExpectationResult[]): string {
  const order: ExpectationResult['state'][] = [
    'met',
    'on_track',
    'at_risk',
    'missed',
    'not_in_plan',
    'not_applicable',
    'not_measured',
  ];
  return order
    .map((state) => {
      const count = results.filter((r) => r.state === state).length;
      return count ? `${count} ${EXPECTATION_STATE_LABELS[state].toLowerCase()}` : '';
    })
    .filter(Boolean)
    .join(', ');
}
