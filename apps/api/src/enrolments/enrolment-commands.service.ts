import { Injectable } from '@nestjs/common';
import type { EnrolmentSummary } from '@ccc/contracts';
import {
  checkEligibility,
  leavesRegisterOnWithdrawal,
  RELEASE_WITHDRAWN_REASON,
  type ReleaseStatus,
  releaseStatusOnWithdrawal,
  type SessionStatus,
} from '@ccc/programme';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { Cohort } from '../cohorts/cohort.entity';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Closed, Conflict, type FieldError, Invalid, NotFound } from '../common/domain-errors';
import { loaded } from '../common/loaded';
import { SCOPED_RELATIONS } from './scoped-enrolment';
import { insertedId } from '../common/lookup';
import { Organisation } from '../organisations/organisation.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import { SessionsService } from '../sessions/sessions.service';
import type { CreateEnrolmentDto } from './dto/create-enrolment.dto';
import type { WithdrawEnrolmentDto } from './dto/withdraw-enrolment.dto';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { Clock } from '../common/clock';

const UNIQUE_VIOLATION = '23505';

/** Enrolling a CCC in a cohort and withdrawing an enrolment: the writes, apart from the enrolment reads. */
@Injectable()
export class EnrolmentCommands {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly commands: Commands,
    private readonly enrolments: EnrolmentsService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Ends an active enrolment early, with the reason. Its records stay as they are, read-only; its own sessions
   * still booked are left for the Alliance supervisor to cancel, so the people in them are told. It leaves the
   * cohort meetings still to come and its undecided release requests are cancelled (withdrawTraces).
   */
  async withdraw(user: AuthUser, id: string, dto: WithdrawEnrolmentDto): Promise<EnrolmentSummary> {
    await this.enrolments.findReadable(user, id);
    const reason = dto.reason.trim();
    if (!reason) throw new Invalid({ field: 'reason', reason: 'reason must say why the enrolment is withdrawn' });
    await this.commands.run({
      load: async ({ manager }) => {
        const [row] = (await manager.query('SELECT status, version FROM enrolment WHERE id = $1 FOR UPDATE', [id])) as {
          status: string;
          version: number;
        }[];
        // Read above; gone since only if it was deleted meanwhile.
        if (!row) throw new NotFound('Enrolment not found');
        return row;
      },
      apply: async ({ manager }, row) => {
        // Withdrawing a completed or withdrawn enrolment says which it is (not the closed check's read-only message).
        if (row.status !== 'active') throw new Closed(`This enrolment is already ${row.status}`);
        assertVersion(row, dto.version, 'enrolment');
        await manager.update(
          Enrolment,
          { id },
          {
            status: 'withdrawn',
            statusReason: reason,
            statusChangedAt: this.clock.now(),
            statusChangedById: user.id,
            version: row.version + 1,
          },
        );
        return this.withdrawTraces(manager, id);
      },
      audit: (_, { leftSessionIds, cancelledReleaseIds }) => [
        {
          actorId: user.id,
          action: 'enrolment.withdrawn',
          entityType: 'enrolment',
          entityId: id,
          detail: { from: 'active', to: 'withdrawn', reason, leftSessionIds, cancelledReleaseIds },
        },
        ...cancelledReleaseIds.map((releaseId) => ({
          actorId: user.id,
          action: 'release.withdrawn',
          entityType: 'release_request',
          entityId: releaseId,
          detail: { from: 'pending', to: 'withdrawn', enrolmentId: id, reason: RELEASE_WITHDRAWN_REASON },
        })),
      ],
    });
    return this.enrolments.get(user, id);
  }

  /**
   * A withdrawn CCC leaves the registers of the cohort meetings still to come, and their release requests nobody
   * has decided are cancelled (kept, marked withdrawn); their own sessions and everything held stay as recorded.
   */
  private async withdrawTraces(
    manager: EntityManager,
    enrolmentId: string,
  ): Promise<{ leftSessionIds: string[]; cancelledReleaseIds: string[] }> {
    const now = this.clock.now();
    const places: { id: string; session_id: string; status: SessionStatus; starts_at: Date | null }[] =
      await manager.query(
        `SELECT a.id, s.id AS session_id, s.status, s.starts_at
           FROM session_attendance a JOIN session s ON s.id = a.session_id
          WHERE a.enrolment_id = $1 AND s.shared_by_cohort`,
        [enrolmentId],
      );
    const leaving = places.filter((p) =>
      leavesRegisterOnWithdrawal({ sharedByCohort: true, status: p.status, startsAt: p.starts_at }, now),
    );
    if (leaving.length > 0)
      await manager.query('DELETE FROM session_attendance WHERE id = ANY($1::uuid[])', [leaving.map((p) => p.id)]);
    const requests: { id: string; status: ReleaseStatus }[] = await manager.query(
      'SELECT id, status FROM release_request WHERE enrolment_id = $1',
      [enrolmentId],
    );
    const cancelled = requests.filter((r) => releaseStatusOnWithdrawal(r.status) !== r.status).map((r) => r.id);
    if (cancelled.length > 0)
      await manager.query(
        `UPDATE release_request SET status = 'withdrawn', decision_reason = $2, decided_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [cancelled, RELEASE_WITHDRAWN_REASON],
      );
    return { leftSessionIds: leaving.map((p) => p.session_id), cancelledReleaseIds: cancelled };
  }

  /** Enrols a CCC after checking every reference and the track's eligibility; all or nothing. */
  async enrol(user: AuthUser, cohortId: string, input: CreateEnrolmentDto): Promise<EnrolmentSummary> {
    const cohortQuery = this.db
      .getRepository(Cohort)
      .createQueryBuilder('cohort')
      .innerJoinAndSelect('cohort.template', 'template')
      .where('cohort.id = :cohortId', { cohortId });
    const cohort =
      (await this.access.scopeCohorts(cohortQuery, 'cohort', user, { runOnly: true }).getOne()) ??
      (await this.access.refuse(user, 'cohort', cohortId, 'Cohort'));
    const id = await this.commands.run({
      load: async () => cohort,
      apply: ({ manager }) => this.enrolInCohort(manager, cohort, input, user.id),
    });
    // The cohort's supervisor may enrol a CCC into a colleague's caseload: they see what they made, once.
    return this.enrolments.summarise(
      loaded(
        await this.enrolments.enrolmentQuery(null).andWhere('enrolment.id = :id', { id }).getOneOrFail(),
        ...SCOPED_RELATIONS,
      ),
    );
  }

  /** Shared with the demo data, which enrols as the system rather than as a person. */
  async enrolInCohort(
    manager: EntityManager,
    cohort: Cohort,
    input: CreateEnrolmentDto,
    actorId: string | null,
  ): Promise<string> {
    const template = loaded(cohort, 'template').template.definition;
    if (cohort.closedAt) throw new Conflict('This cohort is closed and takes no new enrolments');
    await this.checkReferences(manager, cohort, input);
    await this.refuseSecondActiveEnrolment(manager, cohort, input.cccId);
    const eligibility = checkEligibility({
      track: input.track,
      employmentStart: input.employmentStart,
      cohortStart: cohort.startDate,
      template,
    });
    if (!eligibility.eligible) throw new Invalid({ field: 'track', reason: eligibility.reason });

    let enrolmentId: string;
    try {
      const inserted = await manager.insert(Enrolment, {
        cohortId: cohort.id,
        cccId: input.cccId,
        pcnId: input.pcnId,
        pcnSupervisorId: input.pcnSupervisorId ?? null,
        allianceSupervisorId: input.allianceSupervisorId ?? null,
        track: input.track,
        employmentStart: input.employmentStart,
      });
      enrolmentId = insertedId(inserted);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new Conflict('This CCC is already enrolled in this cohort');
      }
      throw error;
    }
    const sessionCount = await this.sessions.createPlannedSessions(manager, {
      cohortId: cohort.id,
      enrolmentId,
      template,
      track: input.track,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'enrolment.created',
      entityType: 'enrolment',
      entityId: enrolmentId,
      detail: { cohortId: cohort.id, cccId: input.cccId, track: input.track, sessions: sessionCount },
    });
    return enrolmentId;
  }

  /**
   * One active enrolment per CCC at a time. The CCC's person row is locked first so that two enrolments of the
   * same CCC at once cannot both pass.
   */
  private async refuseSecondActiveEnrolment(manager: EntityManager, cohort: Cohort, cccId: string): Promise<void> {
    await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [cccId]);
    const [other] = (await manager.query(
      `SELECT c.id, c.name, c.start_date::text AS start_date FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.ccc_id = $1 AND e.status = 'active' AND e.cohort_id <> $2
        ORDER BY c.start_date LIMIT 1`,
      [cccId, cohort.id],
    )) as { id: string; name: string; start_date: string }[];
    if (other)
      throw new Conflict(
        `This CCC is already on the programme in cohort \u201c${other.name}\u201d (started ${other.start_date}, id ${other.id}); ` +
          'complete or withdraw that enrolment first',
      );
  }

  /** Each id must name the right kind of thing: a CCC, a PCN of the cohort's Alliance, supervisors in role. */
  private async checkReferences(manager: EntityManager, cohort: Cohort, input: CreateEnrolmentDto): Promise<void> {
    // One after the other: a transaction's connection runs one query at a time.
    const pcn = await manager.findOne(Organisation, {
      where: { id: input.pcnId, kind: 'pcn', parentId: cohort.allianceId },
    });
    const roles = await manager.find(RoleAssignment, {
      where: {
        personId: In([input.cccId, input.pcnSupervisorId, input.allianceSupervisorId].filter((v): v is string => !!v)),
      },
    });
    const holds = (personId: string | undefined, role: RoleAssignment['role'], organisationId?: string) =>
      roles.some(
        (r) => r.personId === personId && r.role === role && (!organisationId || r.organisationId === organisationId),
      );
    const errors: FieldError[] = [];
    if (!holds(input.cccId, 'ccc')) errors.push({ field: 'cccId', reason: 'no Cancer Care Coordinator has this id' });
    if (!pcn) errors.push({ field: 'pcnId', reason: "no PCN of this cohort's Alliance has this id" });
    else if (pcn.closedAt) errors.push({ field: 'pcnId', reason: 'this PCN is closed and takes no new enrolments' });
    else if (holds(input.cccId, 'ccc') && !holds(input.cccId, 'ccc', input.pcnId))
      errors.push({ field: 'pcnId', reason: 'this CCC holds no role at this PCN; add their role there first' });
    if (input.pcnSupervisorId && !holds(input.pcnSupervisorId, 'pcn_supervisor', input.pcnId)) {
      errors.push({ field: 'pcnSupervisorId', reason: 'this person is not a PCN supervisor of that PCN' });
    }
    if (input.allianceSupervisorId && !holds(input.allianceSupervisorId, 'alliance_supervisor', cohort.allianceId)) {
      errors.push({
        field: 'allianceSupervisorId',
        reason: "this person is not an Alliance supervisor of the cohort's Alliance",
      });
    }
    if (errors.length > 0) throw new Invalid(errors);
  }
}
