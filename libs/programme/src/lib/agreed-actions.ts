import { type IsoDate, londonDate } from './months';
import type { ParticipantRole } from './template';

/*
 * Actions agreed in a held session: who does what by when. An action cannot fall due before the session that
 * agreed it; only its owner marks it done.
 */

export interface AgreedActionInput {
  dueDate: IsoDate;
}

export interface ActionProblem {
  field: string;
  reason: string;
}

/** Each action due before the (London) day its session started, as a problem naming the action's field. */
export function checkAgreedActionDates(actions: readonly AgreedActionInput[], sessionStartsAt: Date): ActionProblem[] {
  const heldOn = londonDate(sessionStartsAt);
  return actions.flatMap((action, i) =>
    action.dueDate < heldOn
      ? [{ field: `actions.${i}.dueDate`, reason: `an action cannot be due before its session (held on ${heldOn})` }]
      : [],
  );
}

export interface ActionOwnerInput {
  owner: ParticipantRole;
  ownerEnrolmentId?: string | null;
}

/**
 * Which CCC owns each action a CCC owns. In a session with one CCC it is that CCC (filled in when not given); in a
 * group session the record must name one of the CCCs on its register, else nobody knows whose it is. Only a CCC's
 * action names a CCC. Returns the owner enrolment of each action (null for a supervisor's) and the problems.
 */
export function resolveActionOwners(
  actions: readonly ActionOwnerInput[],
  registerEnrolmentIds: readonly string[],
): { owners: (string | null)[]; problems: ActionProblem[] } {
  const problems: ActionProblem[] = [];
  const owners = actions.map((action, i) => {
    const field = `actions.${i}.ownerEnrolmentId`;
    const given = action.ownerEnrolmentId ?? null;
    if (action.owner !== 'ccc') {
      if (given) problems.push({ field, reason: 'only an action the CCC owns names a CCC' });
      return null;
    }
    if (given) {
      if (registerEnrolmentIds.includes(given)) return given;
      problems.push({ field, reason: 'the CCC who owns the action must be on this session’s register' });
      return null;
    }
    if (registerEnrolmentIds.length === 1) return registerEnrolmentIds[0]!;
    problems.push({ field, reason: 'choose which CCC owns the action' });
    return null;
  });
  return { owners, problems };
}

const OWNER_WORDS: Record<ParticipantRole, string> = {
  ccc: 'the CCC',
  alliance_supervisor: 'the Alliance supervisor',
  pcn_supervisor: 'the PCN supervisor',
};

export type MarkDone = { ok: true; changed: boolean } | { ok: false; reason: string };

/**
 * Only the action's owner marks it done: the caller's roles in the session (as its CCC, its PCN supervisor or its
 * Alliance supervisor) must include the owner, and for a CCC's action naming its CCC (a group session's), the caller
 * must be that CCC (`callerOwnsEnrolment`). Marking a done action done again changes nothing.
 */
export function markActionDone(
  action: { owner: ParticipantRole; done: boolean; ownerEnrolmentId?: string | null },
  callerRoles: readonly ParticipantRole[],
  callerOwnsEnrolment: (enrolmentId: string) => boolean = () => true,
): MarkDone {
  if (!callerRoles.includes(action.owner))
    return { ok: false, reason: `Only ${OWNER_WORDS[action.owner]} marks this action done` };
  if (action.owner === 'ccc' && action.ownerEnrolmentId && !callerOwnsEnrolment(action.ownerEnrolmentId))
    return { ok: false, reason: 'Only the CCC who owns this action marks it done' };
  return { ok: true, changed: !action.done };
}

/**
 * The open actions to bring to a session: those not done, agreed in sessions with the same CCC that started before
 * it (every earlier one when this session is not booked yet), oldest due first.
 */
export function carriedOverActions<T extends { done: boolean; dueDate: IsoDate; sessionStartsAt: Date | null }>(
  actions: readonly T[],
  sessionStartsAt: Date | null,
): T[] {
  return actions
    .filter((a) => !a.done && a.sessionStartsAt !== null)
    .filter((a) => sessionStartsAt === null || a.sessionStartsAt! < sessionStartsAt)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
