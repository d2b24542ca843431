import { Injectable } from '@nestjs/common';
import type { ParticipantRole, SessionActor } from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import { AccessService, type SessionAudience } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { type Loaded, loaded } from '../common/loaded';
import type { Cohort } from '../cohorts/cohort.entity';
import type { Enrolment } from '../enrolments/enrolment.entity';
import type { SessionAttendance } from './session-attendance.entity';
import { Session } from './session.entity';

/** A row of the register as the loader joins it: the enrolment, with its CCC (and its supervisors where joined). */
export type RegisterRow = SessionAttendance & { enrolment: Loaded<Enrolment, 'ccc'> };

/** A session as the loader joins it: its cohort with the cohort's supervisors, and its register. */
export type FullSession = Omit<Session, 'cohort' | 'attendances'> & {
  cohort: Loaded<Cohort, 'supervisors'>;
  attendances: RegisterRow[];
};

/** The session, checked once to hold what the loader joined (a missing relation is a programming error). */
export function fullSession(session: Session): FullSession {
  const withRelations = loaded(session, 'cohort', 'attendances');
  loaded(withRelations.cohort, 'supervisors');
  for (const a of withRelations.attendances) loaded(loaded(a, 'enrolment').enrolment, 'ccc');
  return withRelations as FullSession;
}

/** A session with who it concerns and the side the caller acts for in it. */
export type LoadedSession = { session: FullSession; audience: SessionAudience; actor: SessionActor };

/** What `audienceOf` reads: the session's cohort (its supervisors, where joined) and its register's enrolments. */
export type AudienceSource = Pick<Session, 'participants' | 'sharedByCohort' | 'leadId'> & {
  cohort: Pick<Cohort, 'allianceId' | 'supervisors'>;
  attendances: { enrolment: Pick<Enrolment, 'cccId' | 'pcnId' | 'pcnSupervisorId' | 'allianceSupervisorId'> }[];
};

/** Who a session (loaded with its cohort's supervisors and its register's enrolments) concerns, for the access rules. */
export function audienceOf(session: AudienceSource): SessionAudience {
  return {
    allianceId: session.cohort.allianceId,
    participants: session.participants,
    sharedByCohort: session.sharedByCohort,
    leadId: session.leadId,
    cohortSupervisorIds: (session.cohort.supervisors ?? []).map((p) => p.id),
    attendees: session.attendances.map((a) => ({
      cccId: a.enrolment.cccId,
      pcnId: a.enrolment.pcnId,
      pcnSupervisorId: a.enrolment.pcnSupervisorId,
      allianceSupervisorId: a.enrolment.allianceSupervisorId,
    })),
  };
}

/** The scoped load of a session, shared by its reads and its commands. */
@Injectable()
export class SessionLoader {
  constructor(private readonly access: AccessService) {}

  private sessionQuery(manager: EntityManager) {
    return manager
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.cohort', 'cohort')
      .leftJoinAndSelect('cohort.supervisors', 'cohortSupervisor')
      .leftJoinAndSelect('session.lead', 'lead')
      .leftJoinAndSelect('session.attendances', 'attendance')
      .leftJoinAndSelect('attendance.enrolment', 'enrolment')
      .leftJoinAndSelect('enrolment.ccc', 'ccc')
      .leftJoinAndSelect('enrolment.pcnSupervisor', 'pcnSupervisor')
      .leftJoinAndSelect('enrolment.allianceSupervisor', 'allianceSupervisor')
      .orderBy('ccc.full_name', 'ASC');
  }

  /** The session and who the caller acts for in it: 404 when it does not exist, 403 when it is not theirs. */
  async load(manager: EntityManager, user: AuthUser, id: string): Promise<LoadedSession> {
    const found = await this.sessionQuery(manager).where('session.id = :id', { id }).getOne();
    if (!found) return this.access.refuse(user, 'session', id, 'Session');
    const session = fullSession(found);
    const audience = audienceOf(session);
    const actor = this.access.sessionActor(user, audience);
    if (!actor) return this.access.refuse(user, 'session', id, 'Session');
    return { session, audience, actor };
  }

  /** Which parts of the session the caller plays: its CCC, its PCN supervisor, its Alliance supervisor. */
  rolesIn(user: AuthUser, loaded: LoadedSession): ParticipantRole[] {
    const { session, audience } = loaded;
    const roles: ParticipantRole[] = [];
    if (audience.attendees.some((a) => a.cccId === user.id)) roles.push('ccc');
    if (audience.attendees.some((a) => a.pcnSupervisorId === user.id)) roles.push('pcn_supervisor');
    if (session.leadId === user.id || audience.attendees.some((a) => a.allianceSupervisorId === user.id))
      roles.push('alliance_supervisor');
    return roles;
  }
}
