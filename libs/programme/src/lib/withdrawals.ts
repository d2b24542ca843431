import type { CompetencyState } from './competencies';
import type { ReleaseKind, ReleaseStatus } from './release-time';

/*
 * What a CCC may take back of their own: study time or a training day nobody has confirmed yet, and evidence no
 * reviewer has looked at yet. Anything already decided or reviewed stays, because someone relied on it.
 */

export type Refusable = { ok: true } | { ok: false; reason: string };

/** A logged entry may be withdrawn by the CCC while it waits for the PCN; a session's release moves with it. */
export function releaseWithdrawal(entry: { kind: ReleaseKind; status: ReleaseStatus }): Refusable {
  if (entry.kind === 'session')
    return {
      ok: false,
      reason: 'Release for a session follows the session: it is withdrawn when the session is cancelled',
    };
  if (entry.status !== 'pending')
    return {
      ok: false,
      reason: `This entry is already ${entry.status}: only one waiting for the PCN can be withdrawn`,
    };
  return { ok: true };
}

/**
 * Evidence may be removed until a reviewer decides on the competency after it was added (a sign-off, a return, a
 * withdrawal of a sign-off), and never from a signed-off competency.
 */
export function evidenceRemoval(
  evidence: { createdAt: Date },
  state: CompetencyState,
  reviewedAt: readonly Date[],
): Refusable {
  if (state === 'signed_off') return { ok: false, reason: 'This competency is signed off: its evidence stays' };
  if (reviewedAt.some((at) => at >= evidence.createdAt))
    return { ok: false, reason: 'A reviewer has already looked at this evidence: it stays on the record' };
  return { ok: true };
}

/** With no evidence left, a competency waiting for review goes back to working towards. */
export function stateAfterEvidenceRemoved(state: CompetencyState, evidenceLeft: number): CompetencyState {
  return state === 'evidence_submitted' && evidenceLeft === 0 ? 'working_towards' : state;
}
