import { Injectable } from '@nestjs/common';
import type { ParticipantRole, Party, SessionActor } from '@ccc/programme';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';
import { Forbidden, NotFound } from '../common/domain-errors';
import { Enrolment } from '../enrolments/enrolment.entity';

/** The nil UUID: matches no row, so a caller acting in no Alliance finds nothing. */
export const NO_ALLIANCE = '00000000-0000-0000-0000-000000000000';

/**
 * A `where` fragment for entities with an `allianceId` column (templates, cohorts, frameworks): the caller's acting
 * Alliance. A record of another Alliance is then simply not found (404), as if it did not exist.
 */
export function inCallersAlliance(user: AuthUser): { allianceId: string } {
  return { allianceId: user.allianceId ?? NO_ALLIANCE };
}

/**
 * The one place that decides which records a caller may touch. Default deny: a caller gets rows only through a
 * rule below. Every rule is first bounded by the Alliance the caller acts in (tenancy): within it, a CCC sees
 * their own enrolment; a PCN supervisor the enrolments of their PCNs; an Alliance supervisor their caseload; an
 * administrator everything of their Alliance. Roles are those held in the acting Alliance only (PeopleService).
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Narrows a query on enrolments (aliased `alias`) to those the caller may read. */
  scopeEnrolments<T extends object>(qb: SelectQueryBuilder<T>, alias: string, user: AuthUser): SelectQueryBuilder<T> {
    // A semi-join on the Alliance's cohorts (few) rather than a lookup per enrolment row.
    if (!user.allianceId) return qb.andWhere('1 = 0');
    qb.andWhere(`${alias}.cohort_id IN (SELECT c.id FROM cohort c WHERE c.alliance_id = :accessAllianceId)`, {
      accessAllianceId: user.allianceId,
    });
    if (hasRole(user, 'admin')) return qb;
    const pcnIds = organisationsWhere(user, 'pcn_supervisor');
    return qb.andWhere(
      new Brackets((where) => {
        where.where('1 = 0');
        if (hasRole(user, 'ccc')) where.orWhere(`${alias}.ccc_id = :accessUserId`);
        if (hasRole(user, 'alliance_supervisor')) where.orWhere(`${alias}.alliance_supervisor_id = :accessUserId`);
        if (pcnIds.length > 0) where.orWhere(`${alias}.pcn_id IN (:...accessPcnIds)`);
      }),
      { accessUserId: user.id, accessPcnIds: pcnIds },
    );
  }

  /**
   * scopeEnrolments as a raw SQL condition on enrolments aliased `alias`, for the read models that skip the query
   * builder: the same rule, its parameters appended to `params` (positional, `$n`).
   */
  enrolmentScopeSql(user: AuthUser, alias: string, params: unknown[]): string {
    if (!user.allianceId) return '1 = 0';
    params.push(user.allianceId);
    const alliance = `${alias}.cohort_id IN (SELECT c.id FROM cohort c WHERE c.alliance_id = $${params.length})`;
    if (hasRole(user, 'admin')) return alliance;
    const reach: string[] = [];
    const pcnIds = organisationsWhere(user, 'pcn_supervisor');
    if (hasRole(user, 'ccc') || hasRole(user, 'alliance_supervisor')) params.push(user.id);
    const userParam = `$${params.length}`;
    if (hasRole(user, 'ccc')) reach.push(`${alias}.ccc_id = ${userParam}`);
    if (hasRole(user, 'alliance_supervisor')) reach.push(`${alias}.alliance_supervisor_id = ${userParam}`);
    if (pcnIds.length > 0) {
      params.push(pcnIds);
      reach.push(`${alias}.pcn_id = ANY($${params.length}::uuid[])`);
    }
    return reach.length > 0 ? `${alliance} AND (${reach.join(' OR ')})` : '1 = 0';
  }

  /**
   * Narrows a query on cohorts to those the caller may read: the ones they run or supervise someone in. With
   * `runOnly`, to the ones they run (to enrol CCCs, say).
   */
  scopeCohorts<T extends object>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    user: AuthUser,
    { runOnly = false }: { runOnly?: boolean } = {},
  ): SelectQueryBuilder<T> {
    this.scopeToAlliance(qb, `${alias}.alliance_id`, user);
    if (hasRole(user, 'admin')) return qb;
    if (!hasRole(user, 'alliance_supervisor')) return qb.andWhere('1 = 0');
    return qb.andWhere(
      new Brackets((where) => {
        where.where(
          `EXISTS (SELECT 1 FROM cohort_supervisor cs WHERE cs.cohort_id = ${alias}.id AND cs.person_id = :accessUserId)`,
        );
        if (!runOnly) {
          where.orWhere(
            `EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = ${alias}.id AND e.alliance_supervisor_id = :accessUserId)`,
          );
        }
      }),
      { accessUserId: user.id },
    );
  }

  /** scopeCohorts (not `runOnly`) as a raw SQL condition on cohorts aliased `alias`, its parameters appended. */
  cohortScopeSql(user: AuthUser, alias: string, params: unknown[]): string {
    if (!user.allianceId) return '1 = 0';
    params.push(user.allianceId);
    const alliance = `${alias}.alliance_id = $${params.length}`;
    if (hasRole(user, 'admin')) return alliance;
    if (!hasRole(user, 'alliance_supervisor')) return '1 = 0';
    params.push(user.id);
    const me = `$${params.length}`;
    return (
      `${alliance} AND (EXISTS (SELECT 1 FROM cohort_supervisor cs WHERE cs.cohort_id = ${alias}.id AND cs.person_id = ${me})` +
      ` OR EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = ${alias}.id AND e.alliance_supervisor_id = ${me}))`
    );
  }

  /**
   * Narrows any query to rows of the caller's acting Alliance, given the SQL expression of a row's Alliance. No
   * Alliance (a national viewer): no rows.
   */
  scopeToAlliance<T extends object>(
    qb: SelectQueryBuilder<T>,
    allianceSql: string,
    user: AuthUser,
  ): SelectQueryBuilder<T> {
    if (!user.allianceId) return qb.andWhere('1 = 0');
    return qb.andWhere(`${allianceSql} = :accessAllianceId`, { accessAllianceId: user.allianceId });
  }

  /** Whether the caller is an administrator of this Alliance (an administrator of another one is not). */
  administers(user: AuthUser, allianceId: string | null | undefined): boolean {
    return hasRole(user, 'admin') && this.inAlliance(user, allianceId);
  }

  /** Whether a record of this Alliance is within the caller's tenancy. */
  inAlliance(user: AuthUser, allianceId: string | null | undefined): boolean {
    return !!user.allianceId && allianceId === user.allianceId;
  }

  /**
   * Narrows a query on notifications to the caller's own: reminders are personal, so no role (administrators
   * included) reads another's, and another's id is answered as unknown (404), not as forbidden.
   */
  scopeNotifications<T extends object>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    user: AuthUser,
  ): SelectQueryBuilder<T> {
    return qb.andWhere(`${alias}.person_id = :accessUserId`, { accessUserId: user.id });
  }

  /**
   * Which side the caller acts for in a session, or null when they have nothing to do with it: the Alliance
   * (an administrator, the Alliance supervisor of a CCC attending, and for a session shared by the cohort also
   * its lead and the cohort's supervisors), the PCN (a PCN supervisor of a CCC attending) or the CCC (attending).
   * A one-to-one session (individual, TNA, joint, handover) and its notes are reachable only as the CCC's
   * enrolment is: another supervisor of the cohort is no party to it.
   */
  sessionActor(user: AuthUser, audience: SessionAudience): SessionActor | null {
    if (!this.inAlliance(user, audience.allianceId)) return null;
    if (hasRole(user, 'admin')) return 'alliance';
    if (
      hasRole(user, 'alliance_supervisor') &&
      (audience.attendees.some((a) => a.allianceSupervisorId === user.id) ||
        (audience.sharedByCohort && (audience.leadId === user.id || audience.cohortSupervisorIds.includes(user.id))))
    ) {
      return 'alliance';
    }
    const pcnIds = organisationsWhere(user, 'pcn_supervisor');
    if (audience.attendees.some((a) => pcnIds.includes(a.pcnId))) return 'pcn';
    if (hasRole(user, 'ccc') && audience.attendees.some((a) => a.cccId === user.id)) return 'ccc';
    return null;
  }

  /** Of a session's register, the rows this caller may see: all for the Alliance, their PCN's, or their own. */
  visibleAttendee(user: AuthUser, actor: SessionActor, attendee: SessionAudience['attendees'][number]): boolean {
    if (actor === 'alliance') return true;
    if (actor === 'pcn') return organisationsWhere(user, 'pcn_supervisor').includes(attendee.pcnId);
    return attendee.cccId === user.id;
  }

  /**
   * Who the caller is to a CCC's competency record, for writing it: the CCC themself, or the CCC's own Alliance
   * supervisor (the only one who signs off, agrees TNA ratings, and so on). Anyone else who may read the record
   * (a PCN supervisor, another Alliance supervisor of the cohort, an administrator) reads only.
   */
  competencySide(
    user: AuthUser,
    enrolment: Pick<Enrolment, 'cccId' | 'allianceSupervisorId'>,
  ): 'ccc' | 'supervisor' | null {
    if (hasRole(user, 'ccc') && enrolment.cccId === user.id) return 'ccc';
    if (hasRole(user, 'alliance_supervisor') && enrolment.allianceSupervisorId === user.id) return 'supervisor';
    return null;
  }

  /** 403 unless the caller is that side of the record. */
  requireCompetencySide(
    user: AuthUser,
    enrolment: Pick<Enrolment, 'cccId' | 'allianceSupervisorId'>,
    side: 'ccc' | 'supervisor',
  ): void {
    if (this.competencySide(user, enrolment) === side) return;
    throw new Forbidden(
      side === 'ccc'
        ? 'Only the CCC records their own evidence, ratings and training'
        : 'Only the CCC\u2019s own Alliance supervisor does this',
    );
  }

  /**
   * Which of the three parties of the month-6 handover interview the caller is for this enrolment: the CCC
   * themself, a PCN supervisor of the CCC's PCN, the CCC's own Alliance supervisor. An administrator is none of
   * them (they correct a completed record by amendment). Also who answers the survey (the CCC, the PCN side).
   */
  handoverParties(
    user: AuthUser,
    enrolment: Pick<Enrolment, 'cccId' | 'pcnId' | 'allianceSupervisorId'>,
  ): ('ccc' | 'pcn_supervisor' | 'alliance_supervisor')[] {
    const parties: ('ccc' | 'pcn_supervisor' | 'alliance_supervisor')[] = [];
    if (hasRole(user, 'ccc') && enrolment.cccId === user.id) parties.push('ccc');
    if (organisationsWhere(user, 'pcn_supervisor').includes(enrolment.pcnId)) parties.push('pcn_supervisor');
    if (hasRole(user, 'alliance_supervisor') && enrolment.allianceSupervisorId === user.id)
      parties.push('alliance_supervisor');
    return parties;
  }

  /**
   * The sides the caller signs for in this enrolment (#24): the CCC themself, a PCN supervisor of its PCN, its own
   * Alliance supervisor. An administrator signs for none of them here: they read the timeline and correct by
   * amendment, so nothing "awaits" them.
   */
  signOffParties(user: AuthUser, enrolment: Pick<Enrolment, 'cccId' | 'pcnId' | 'allianceSupervisorId'>): Party[] {
    const parties: Party[] = [];
    if (hasRole(user, 'ccc') && enrolment.cccId === user.id) parties.push('ccc');
    if (organisationsWhere(user, 'pcn_supervisor').includes(enrolment.pcnId)) parties.push('pcn');
    if (hasRole(user, 'alliance_supervisor') && enrolment.allianceSupervisorId === user.id) parties.push('alliance');
    return parties;
  }

  /**
   * Narrows a query on enrolments to those the caller signs for (see signOffParties), within the acting Alliance:
   * their own, their PCNs', their caseload. Unlike scopeEnrolments, an administrator's reach adds nothing.
   */
  scopeSignOffEnrolments<T extends object>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    user: AuthUser,
  ): SelectQueryBuilder<T> {
    if (!user.allianceId) return qb.andWhere('1 = 0');
    qb.andWhere(`${alias}.cohort_id IN (SELECT c.id FROM cohort c WHERE c.alliance_id = :accessAllianceId)`, {
      accessAllianceId: user.allianceId,
    });
    const pcnIds = organisationsWhere(user, 'pcn_supervisor');
    return qb.andWhere(
      new Brackets((where) => {
        where.where('1 = 0');
        if (hasRole(user, 'ccc')) where.orWhere(`${alias}.ccc_id = :accessUserId`);
        if (hasRole(user, 'alliance_supervisor')) where.orWhere(`${alias}.alliance_supervisor_id = :accessUserId`);
        if (pcnIds.length > 0) where.orWhere(`${alias}.pcn_id IN (:...accessPcnIds)`);
      }),
      { accessUserId: user.id, accessPcnIds: pcnIds },
    );
  }

  /** Who may correct a completed enrolment's record by amendment: an administrator or the CCC's Alliance supervisor. */
  mayAmend(user: AuthUser, enrolment: Pick<Enrolment, 'allianceSupervisorId'> & { allianceId: string }): boolean {
    if (!this.inAlliance(user, enrolment.allianceId)) return false;
    return (
      hasRole(user, 'admin') || (hasRole(user, 'alliance_supervisor') && enrolment.allianceSupervisorId === user.id)
    );
  }

  /**
   * A supervisor replaced on this enrolment (#16 item 4) keeps read access to what they themself signed before the
   * change was made, and to nothing else of it: the change's date and instant, or null when the caller is no former
   * supervisor of it (in the caller's Alliance, holding that role still).
   */
  formerSupervisorUntil(
    user: AuthUser,
    enrolment: Pick<Enrolment, 'formerSupervisors'> & { allianceId: string },
  ): { until: string; changedAt: string; role: 'pcn_supervisor' | 'alliance_supervisor' } | null {
    if (!this.inAlliance(user, enrolment.allianceId)) return null;
    // Replaced twice (moved away and back), the latest change is the one that ended their access.
    const mine = (enrolment.formerSupervisors ?? []).filter((f) => f.personId === user.id && hasRole(user, f.role));
    const last = mine.at(-1);
    return last ? { until: last.until, changedAt: last.changedAt, role: last.role } : null;
  }

  /** Whether the caller speaks for this party of this enrolment (to attest an expectation, say). */
  speaksFor(
    user: AuthUser,
    party: Party,
    enrolment: Pick<Enrolment, 'cccId' | 'pcnId' | 'allianceSupervisorId'>,
  ): boolean {
    switch (party) {
      case 'ccc':
        return enrolment.cccId === user.id;
      case 'pcn':
        return organisationsWhere(user, 'pcn_supervisor').includes(enrolment.pcnId);
      case 'alliance':
        return hasRole(user, 'admin') || enrolment.allianceSupervisorId === user.id;
    }
  }

  /** 403 unless the caller is the CCC of this enrolment (their own study time, outcome counts and so on). */
  requireOwnEnrolment(user: AuthUser, enrolment: Pick<Enrolment, 'cccId'>, what: string): void {
    if (enrolment.cccId !== user.id) throw new Forbidden(`Only the CCC ${what}`);
  }

  /** Who decides a CCC's release time: an administrator of the Alliance or a PCN supervisor of the CCC's PCN. */
  mayDecideRelease(user: AuthUser, enrolment: Pick<Enrolment, 'pcnId'> & { allianceId: string }): boolean {
    return (
      this.administers(user, enrolment.allianceId) ||
      (this.inAlliance(user, enrolment.allianceId) &&
        organisationsWhere(user, 'pcn_supervisor').includes(enrolment.pcnId))
    );
  }

  /**
   * The Alliance an administrator acts for (its policy, its retention, its erasures): the acting one. 403 for a
   * caller acting for none (a national viewer).
   */
  actingAlliance(user: AuthUser): string {
    if (!user.allianceId) throw new Forbidden('You are not acting for an Alliance');
    return user.allianceId;
  }

  /**
   * Whether the caller may export a person's record (subject access): the person themself (all of it), or an
   * administrator of an Alliance where the person holds a role or an enrolment (what that Alliance holds). Someone
   * of the caller's Alliance who is not theirs to export: 403. Anyone else is unknown to them: 404, whether or not
   * they exist elsewhere.
   */
  async requireSubjectAccess(user: AuthUser, personId: string): Promise<void> {
    if (user.id === personId) return;
    const [row] = await this.db.query<{ here: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                       WHERE ra.person_id = $1 AND o.alliance_id = $2)
           OR EXISTS (SELECT 1 FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
                       WHERE e.ccc_id = $1 AND c.alliance_id = $2) AS here`,
      [personId, user.allianceId ?? NO_ALLIANCE],
    );
    if (row?.here !== true) throw new NotFound('There is no such person');
    if (!hasRole(user, 'admin'))
      throw new Forbidden('Only the person themself or an administrator of their Alliance may do this');
  }

  /**
   * Turns "no row in the caller's scope" into 404 when the record does not exist in the caller's Alliance (at all,
   * or in another Alliance: the two answer alike, so ids say nothing across tenancies), and 403 when it exists in
   * their Alliance but belongs to someone else. The extra query runs only on that failure path.
   */
  async refuse(user: AuthUser, entity: keyof typeof ALLIANCE_OF, id: string, label: string): Promise<never> {
    const [row] = await this.db.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${ALLIANCE_OF[entity]} WHERE x.id = $1 AND c.alliance_id = $2) AS found`,
      [id, user.allianceId ?? NO_ALLIANCE],
    );
    if (!row?.found) throw new NotFound(`${label} not found`);
    throw new Forbidden(`You do not have access to this ${label.toLowerCase()}`);
  }
}

/** For each kind of record `refuse` answers for: its table (`x`) joined to its cohort (`c`), which has the Alliance. */
const ALLIANCE_OF = {
  enrolment: 'enrolment x JOIN cohort c ON c.id = x.cohort_id',
  cohort: 'cohort x JOIN cohort c ON c.id = x.id',
  session: 'session x JOIN cohort c ON c.id = x.cohort_id',
  release_request: 'release_request x JOIN enrolment e ON e.id = x.enrolment_id JOIN cohort c ON c.id = e.cohort_id',
  evidence_file: 'evidence_file x JOIN enrolment e ON e.id = x.enrolment_id JOIN cohort c ON c.id = e.cohort_id',
  training_plan_item:
    'training_plan_item x JOIN enrolment e ON e.id = x.enrolment_id JOIN cohort c ON c.id = e.cohort_id',
} as const;

/** Who a session concerns, as far as access is decided. */
export interface SessionAudience {
  /** The Alliance of the session's cohort. */
  allianceId: string;
  participants: readonly ParticipantRole[];
  /** A group or teaching session of the whole cohort, rather than one CCC's. */
  sharedByCohort: boolean;
  leadId: string | null;
  cohortSupervisorIds: string[];
  attendees: { cccId: string; pcnId: string; pcnSupervisorId: string | null; allianceSupervisorId: string | null }[];
}
