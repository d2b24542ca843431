import type { EnrolmentPause } from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import { type AccessService, NO_ALLIANCE } from '../access/access.service';
import type { CommandContext } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import type { FormerSupervisor } from './enrolment.entity';

export interface LockedEnrolment {
  id: string;
  cohort_id: string;
  ccc_id: string;
  pcn_id: string;
  pcn_supervisor_id: string | null;
  alliance_supervisor_id: string | null;
  status: 'active' | 'completed' | 'withdrawn';
  status_reason: string | null;
  version: number;
  alliance_id: string;
  cohort_start: string;
  duration_months: number;
  pauses: EnrolmentPause[];
  former_supervisors: FormerSupervisor[];
}

/** The enrolment of the caller's Alliance, locked for the change (404 elsewhere, 403 not theirs). */
export async function lockEnrolment(
  manager: EntityManager,
  access: AccessService,
  user: AuthUser,
  id: string,
): Promise<LockedEnrolment> {
  const [row] = (await manager.query(
    `SELECT e.id, e.cohort_id, e.ccc_id, e.pcn_id, e.pcn_supervisor_id, e.alliance_supervisor_id, e.status,
            e.status_reason, e.version, c.alliance_id, to_char(c.start_date, 'YYYY-MM-DD') AS cohort_start,
            (t.definition ->> 'durationMonths')::int AS duration_months, e.pauses, e.former_supervisors
       FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN programme_template t ON t.id = c.template_id
      WHERE e.id = $1 AND c.alliance_id = $2 FOR UPDATE OF e`,
    [id, user.allianceId ?? NO_ALLIANCE],
  )) as LockedEnrolment[];
  return row ?? access.refuse(user, 'enrolment', id, 'Enrolment');
}

/** A command's first steps on an administrator's correction: the scoped, locked load and the version read. */
export function enrolmentChange(access: AccessService, user: AuthUser, id: string, version: number) {
  return {
    load: ({ manager }: CommandContext) => lockEnrolment(manager, access, user, id),
    version: { read: version, of: (row: LockedEnrolment) => row, what: 'enrolment' },
  };
}
