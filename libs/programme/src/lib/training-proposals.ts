import { type CompetencyFramework, competenciesOf, MAX_TITLE, tnaSignedByBoth } from './competencies';

/*
 * From the TNA to the training plan (#15 item 10): once a round is signed by the CCC and the Alliance supervisor,
 * each competency for which they wrote down a need is proposed as a plan item. The CCC or their Alliance supervisor
 * accepts it (as proposed or edited), which adds the item, or drops it; either way it is no longer proposed.
 */

export interface TnaNeedsFacts {
  round: number;
  cccSignedAt: string | null;
  supervisorSignedAt: string | null;
  /** Month of the programme in which the round was signed by both, when that fell inside the programme. */
  signedInMonth: number | null;
  ratings: { code: string; agreedRating: number | null; needs: string | null }[];
}

export interface TrainingProposal {
  round: number;
  code: string;
  /** The need as agreed at the TNA. */
  needs: string;
  /** The plan item it suggests: a free item, by the month after the TNA, serving the competency. */
  title: string;
  targetMonth: number;
  competencyCodes: string[];
}

/** The item's title: the need's first line, cut to fit a title. */
export function proposalTitle(needs: string): string {
  const line = needs.trim().split(/\r?\n/)[0]!.trim();
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1).trimEnd()}…` : line;
}

/**
 * The proposals still open: every agreed need (non-blank needs text on a competency of the framework) of a round
 * signed by both, not yet accepted or dropped, in round and then framework order.
 */
export function trainingProposals(
  rounds: TnaNeedsFacts[],
  decided: { round: number; code: string }[],
  context: { framework: CompetencyFramework; durationMonths: number },
): TrainingProposal[] {
  const done = new Set(decided.map((d) => `${d.round}/${d.code}`));
  const order = competenciesOf(context.framework).map((c) => c.code);
  const proposals: TrainingProposal[] = [];
  for (const round of [...rounds].sort((a, b) => a.round - b.round)) {
    if (!tnaSignedByBoth(round)) continue;
    const targetMonth = Math.min(Math.max((round.signedInMonth ?? 0) + 1, 1), context.durationMonths);
    const byCode = new Map(round.ratings.map((r) => [r.code, r]));
    for (const code of order) {
      const needs = byCode.get(code)?.needs?.trim();
      if (!needs || done.has(`${round.round}/${code}`)) continue;
      proposals.push({
        round: round.round,
        code,
        needs,
        title: proposalTitle(needs),
        targetMonth,
        competencyCodes: [code],
      });
    }
  }
  return proposals;
}

export type ProposalDecision = 'accepted' | 'dropped';
