import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Attendance,
  CaseloadRow,
  EnrolmentSummary,
  SignOff,
  TimelineResponse,
  TimelineSession,
} from '@ccc/contracts';
import {
  ACTIVE_BOOKING_STATUSES,
  attendeeStatus,
  availableActions,
  checkEligibility,
  displayStatus,
  londonDate,
  monthOfDate,
  monthState,
  openPause,
  plannedSessions,
  programmeMonths,
  leavesRegisterOnWithdrawal,
  type ProgrammeTemplate,
  RECORD_WITHIN_DAYS,
  RELEASE_WITHDRAWN_REASON,
  type ReleaseStatus,
  releaseStatusOnWithdrawal,
  type SessionStatus,
  awaitedSignOffs,
  signOffEvents,
} from '@ccc/programme';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { Cohort } from '../cohorts/cohort.entity';
import type { AuthUser } from '../common/auth-user';
import { type FieldError, validationFailed } from '../common/errors';
import { groupBy } from '../common/group-by';
import { Organisation } from '../organisations/organisation.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { personRef } from '../sessions/session-view';
import { loadSignOffFacts } from '../sign-offs/sign-off-facts';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import type { CreateEnrolmentDto } from './dto/create-enrolment.dto';
import type { WithdrawEnrolmentDto } from './dto/withdraw-enrolment.dto';
import { Enrolment } from './enrolment.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';
import { SCOPED_RELATIONS, type ScopedEnrolment } from './scoped-enrolment';

const UNIQUE_VIOLATION = '23505';

/** The month a cohort is in today, computed once per cohort however many CCCs a list holds. */
const currentMonths = new Map<string, number | null>();
function currentMonthOf(start: string, durationMonths: number, today: string): number | null {
  const key = `${start}/${durationMonths}/${today}`;
  if (!currentMonths.has(key)) {
    if (currentMonths.size > 10_000) currentMonths.clear();
    currentMonths.set(key, monthOfDate(start, durationMonths, today));
  }
  return currentMonths.get(key)!;
}

/**
 * What a summary (and the PCN home's rules) read of an enrolment and its five joined rows: the lists select only
 * these, not every column of every row (the median caseload: 65 KB of rows for 27 CCCs before).
 */
const SUMMARY_COLUMNS = [
  'enrolment.id',
  'enrolment.cohortId',
  'enrolment.cccId',
  'enrolment.pcnId',
  'enrolment.pcnSupervisorId',
  'enrolment.allianceSupervisorId',
  'enrolment.track',
  'enrolment.employmentStart',
  'enrolment.status',
  'enrolment.statusReason',
  'enrolment.statusChangedAt',
  'enrolment.version',
  'enrolment.pauses',
  'cohort.id',
  'cohort.name',
  'cohort.startDate',
  'cohort.templateId',
  'cohort.allianceId',
  'ccc.id',
  'ccc.fullName',
  'ccc.email',
  'pcn.id',
  'pcn.name',
  'pcnSupervisor.id',
  'pcnSupervisor.fullName',
  'allianceSupervisor.id',
  'allianceSupervisor.fullName',
];

function toSummary(
  enrolment: Enrolment,
  template: Pick<ProgrammeTemplate, 'durationMonths'>,
  today: string,
): EnrolmentSummary {
  const cohort = enrolment.cohort!;
  return {
    id: enrolment.id,
    cohort: { id: cohort.id, name: cohort.name, startDate: cohort.startDate },
    ccc: { id: enrolment.ccc!.id, fullName: enrolment.ccc!.fullName, email: enrolment.ccc!.email },
    pcn: { id: enrolment.pcn!.id, name: enrolment.pcn!.name },
    pcnSupervisor: personRef(enrolment.pcnSupervisor),
    allianceSupervisor: personRef(enrolment.allianceSupervisor),
    track: enrolment.track,
    employmentStart: enrolment.employmentStart,
    status: enrolment.status,
    statusReason: enrolment.statusReason,
    statusChangedAt: enrolment.statusChangedAt?.toISOString() ?? null,
    currentMonth: currentMonthOf(cohort.startDate, template.durationMonths, today),
    pausedFrom: openPause(enrolment.pauses ?? [])?.from ?? null,
    pauseReason: openPause(enrolment.pauses ?? [])?.reason ?? null,
    version: enrolment.version,
  };
}

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /** `user` null: unscoped, for a summary of what the caller has just been allowed to create. */
  private enrolmentQuery(user: AuthUser | null) {
    const qb = this.db
      .getRepository(Enrolment)
      .createQueryBuilder('enrolment')
      .innerJoinAndSelect('enrolment.cohort', 'cohort')
      .innerJoinAndSelect('enrolment.ccc', 'ccc')
      .innerJoinAndSelect('enrolment.pcn', 'pcn')
      .leftJoinAndSelect('enrolment.pcnSupervisor', 'pcnSupervisor')
      .leftJoinAndSelect('enrolment.allianceSupervisor', 'allianceSupervisor');
    return user ? this.access.scopeEnrolments(qb, 'enrolment', user) : qb;
  }

  /** Templates by id, fetched once for a whole list. */
  private async templates(ids: string[]): Promise<Map<string, ProgrammeTemplate>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.getRepository(ProgrammeTemplateVersion).find({ where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((row) => [row.id, row.definition]));
  }

  /** Each template's length in months, by id: all a summary reads of a template (not its whole definition). */
  private async durations(ids: string[]): Promise<Map<string, Pick<ProgrammeTemplate, 'durationMonths'>>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; duration_months: number }[] = await this.db.query(
      `SELECT id, (definition ->> 'durationMonths')::int AS duration_months FROM programme_template
        WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, { durationMonths: row.duration_months }]));
  }

  /** The caller's enrolments: two queries whatever their number. */
  async list(user: AuthUser): Promise<EnrolmentSummary[]> {
    const enrolments = await this.enrolmentQuery(user)
      .select(SUMMARY_COLUMNS)
      .orderBy('cohort.start_date', 'DESC')
      .addOrderBy('ccc.full_name', 'ASC')
      .getMany();
    const templates = await this.durations(enrolments.map((e) => e.cohort!.templateId));
    const today = londonDate(this.clock.now());
    return enrolments.map((e) => toSummary(e, templates.get(e.cohort!.templateId)!, today));
  }

  /**
   * Per CCC in the caller's scope: sessions still to book this month, waiting, coming up, overdue for recording,
   * missed, held; the next one, and the next one to book. Six queries whatever the caseload's size.
   */
  async caseload(user: AuthUser): Promise<CaseloadRow[]> {
    const enrolments = await this.list(user);
    if (enrolments.length === 0) return [];
    const ids = enrolments.map((e) => e.id);
    const counts: {
      enrolment_id: string;
      month: number;
      status: string;
      overdue: boolean;
      absent: boolean;
      n: string;
    }[] = await this.db.query(
      `SELECT a.enrolment_id, s.month, s.status,
              (s.status = 'scheduled' AND s.starts_at + make_interval(mins => s.duration_minutes) + make_interval(days => $2) < now()) AS overdue,
              a.attendance IN ('absent', 'apologies') AS absent,
              count(*) AS n
         FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.enrolment_id = ANY($1::uuid[])
        GROUP BY 1, 2, 3, 4, 5`,
      [ids, RECORD_WITHIN_DAYS],
    );
    const next: { enrolment_id: string; id: string; title: string; starts_at: Date }[] = await this.db.query(
      `SELECT DISTINCT ON (a.enrolment_id) a.enrolment_id, s.id, s.title, s.starts_at
         FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.enrolment_id = ANY($1::uuid[]) AND s.status = ANY($2) AND s.starts_at > now()
        ORDER BY a.enrolment_id, s.starts_at`,
      [ids, ACTIVE_BOOKING_STATUSES],
    );
    const declined: { enrolment_id: string; n: string }[] = await this.db.query(
      `SELECT r.enrolment_id, count(*) AS n
         FROM release_request r JOIN session s ON s.id = r.session_id
        WHERE r.enrolment_id = ANY($1::uuid[]) AND r.status = 'declined' AND s.status = ANY($2)
        GROUP BY 1`,
      [ids, ACTIVE_BOOKING_STATUSES],
    );
    // The CCCs' own sessions not booked yet, to offer the next one to book from the caseload's row.
    const planned: { enrolment_id: string; id: string; title: string; month: number }[] = await this.db.query(
      `SELECT a.enrolment_id, s.id, s.title, s.month
         FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.enrolment_id = ANY($1::uuid[]) AND s.status = 'planned' AND NOT s.shared_by_cohort
        ORDER BY a.enrolment_id, s.month, s.starts_at NULLS LAST, s.title, s.id`,
      [ids],
    );
    // Indexed once, so that a caseload of thousands is not a search per CCC.
    const countsOf = groupBy(counts, (c) => c.enrolment_id);
    const nextOf = new Map(next.map((n) => [n.enrolment_id, n]));
    const declinedOf = new Map(declined.map((d) => [d.enrolment_id, d]));
    const plannedOf = groupBy(planned, (p) => p.enrolment_id);
    return enrolments.map((enrolment) => {
      const mine = countsOf.get(enrolment.id) ?? [];
      const sum = (test: (c: (typeof mine)[number]) => boolean) =>
        mine.filter(test).reduce((total, c) => total + Number(c.n), 0);
      // Before the start nothing is due; after the end every unbooked session was missed.
      const current =
        enrolment.currentMonth ?? (enrolment.cohort.startDate > londonDate(this.clock.now()) ? 0 : Infinity);
      const upcoming = nextOf.get(enrolment.id);
      const toBook = (plannedOf.get(enrolment.id) ?? []).find((p) => p.month >= current);
      return {
        enrolment,
        unbooked: sum((c) => c.status === 'planned' && c.month === current),
        awaiting: sum((c) => c.status === 'awaiting_pcn' || c.status === 'awaiting_alliance'),
        upcoming: sum((c) => ACTIVE_BOOKING_STATUSES.includes(c.status as 'scheduled') && !c.overdue),
        overdue: sum((c) => c.overdue),
        // Never booked and its month over, told apart from held and not attended.
        notHeld: sum((c) => c.status === 'missed' || (c.status === 'planned' && c.month < current)),
        didNotAttend: sum((c) => c.status === 'completed' && c.absent),
        completed: sum((c) => c.status === 'completed'),
        releaseDeclined: Number(declinedOf.get(enrolment.id)?.n ?? 0),
        next: upcoming ? { id: upcoming.id, title: upcoming.title, startsAt: upcoming.starts_at.toISOString() } : null,
        toBook: toBook ? { id: toBook.id, title: toBook.title, month: Number(toBook.month) } : null,
      };
    });
  }

  /** An enrolment the caller may read (404/403 otherwise) with its template, for the features built on it. */
  async readable(user: AuthUser, id: string): Promise<{ enrolment: ScopedEnrolment; template: ProgrammeTemplate }> {
    const enrolment = loaded(await this.findReadable(user, id), ...SCOPED_RELATIONS);
    const templates = await this.templates([enrolment.cohort.templateId]);
    return { enrolment, template: templates.get(enrolment.cohort.templateId)! };
  }

  /** Every enrolment in the caller's scope with what a summary reads of it, and its template: two queries. */
  async readableAll(user: AuthUser): Promise<{ enrolment: ScopedEnrolment; template: ProgrammeTemplate }[]> {
    const enrolments = (
      await this.enrolmentQuery(user).select(SUMMARY_COLUMNS).orderBy('ccc.full_name', 'ASC').getMany()
    ).map((e) => loaded(e, ...SCOPED_RELATIONS));
    const templates = await this.templates(enrolments.map((e) => e.cohort.templateId));
    return enrolments.map((enrolment) => ({ enrolment, template: templates.get(enrolment.cohort.templateId)! }));
  }

  summaryOf(enrolment: Enrolment, template: ProgrammeTemplate): EnrolmentSummary {
    return toSummary(enrolment, template, londonDate(this.clock.now()));
  }

  private async findReadable(user: AuthUser, id: string): Promise<Enrolment> {
    const enrolment = await this.enrolmentQuery(user).andWhere('enrolment.id = :id', { id }).getOne();
    return enrolment ?? this.access.refuse(user, 'enrolment', id, 'Enrolment');
  }

  async get(user: AuthUser, id: string): Promise<EnrolmentSummary> {
    return this.summarise(await this.findReadable(user, id));
  }

  private async summarise(enrolment: Enrolment): Promise<EnrolmentSummary> {
    const templates = await this.templates([enrolment.cohort!.templateId]);
    return toSummary(enrolment, templates.get(enrolment.cohort!.templateId)!, londonDate(this.clock.now()));
  }

  /**
   * The programme month by month for one CCC, with every sign-off in its month and what awaits whom: seven
   * queries whatever the number of sessions and records.
   */
  async timeline(user: AuthUser, id: string): Promise<TimelineResponse> {
    const enrolment = await this.findReadable(user, id);
    const templateRow = await this.db
      .getRepository(ProgrammeTemplateVersion)
      .findOneByOrFail({ id: enrolment.cohort!.templateId });
    const template = templateRow.definition;
    const sessions = await this.db
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.attendances', 'attendance', 'attendance.enrolment_id = :id', { id })
      .getMany();
    const signOffs = await this.signOffs(
      id,
      sessions.map((s) => s.id),
    );
    const cohortSupervisorIds: { person_id: string }[] = await this.db.query(
      'SELECT person_id FROM cohort_supervisor WHERE cohort_id = $1',
      [enrolment.cohortId],
    );
    const facts = (
      await loadSignOffFacts(this.db, [
        { id, status: enrolment.status, cohortStart: enrolment.cohort!.startDate, template },
      ])
    ).get(id)!;
    const events = signOffEvents(facts);
    const parties = this.access.signOffParties(user, enrolment);

    const now = this.clock.now();
    const today = londonDate(now);
    // Within a month, sessions follow the template's plan order; a cancelled one comes after its replacement.
    const planOrder = new Map(plannedSessions(template, enrolment.track).map((p, i) => [p.planItemKey, i]));
    const people = {
      ccc: personRef(enrolment.ccc),
      pcn_supervisor: personRef(enrolment.pcnSupervisor),
      alliance_supervisor: personRef(enrolment.allianceSupervisor),
    };
    const attendee = {
      cccId: enrolment.cccId,
      pcnId: enrolment.pcnId,
      pcnSupervisorId: enrolment.pcnSupervisorId,
      allianceSupervisorId: enrolment.allianceSupervisorId,
    };
    const supervisorIds = cohortSupervisorIds.map((r) => r.person_id);
    // A pause resumed with the plan shifted can move sessions past the programme's last month: shown there.
    const lastMonth = Math.max(template.durationMonths, ...sessions.map((s) => s.month));
    const months = programmeMonths(enrolment.cohort!.startDate, lastMonth).map((bounds) => {
      const inMonth = sessions
        .filter((s) => s.month === bounds.month)
        .sort(
          (a, b) =>
            (planOrder.get(a.planItemKey) ?? 999) - (planOrder.get(b.planItemKey) ?? 999) ||
            Number(a.status === 'cancelled') - Number(b.status === 'cancelled'),
        );
      return {
        month: bounds.month,
        startsOn: bounds.startsOn,
        endsBefore: bounds.endsBefore,
        state: monthState(bounds, today),
        teachingTopic: template.teaching.find((t) => t.month === bounds.month)?.topic ?? null,
        signOffEvents: events.filter((e) => e.month === bounds.month),
        sessions: inMonth.map((s): TimelineSession => {
          const state = {
            status: s.status,
            participants: s.participants,
            startsAt: s.startsAt,
            durationMinutes: s.durationMinutes,
          };
          const actor =
            this.access.sessionActor(user, {
              allianceId: enrolment.cohort!.allianceId,
              participants: s.participants,
              sharedByCohort: s.sharedByCohort,
              leadId: s.leadId,
              cohortSupervisorIds: supervisorIds,
              attendees: [attendee],
            }) ?? 'ccc';
          return {
            id: s.id,
            planItemKey: s.planItemKey,
            kind: s.kind,
            title: s.title,
            purpose: s.purpose,
            status: attendeeStatus(
              displayStatus({ ...state, monthEndsBefore: bounds.endsBefore }, now),
              s.attendances?.[0]?.attendance,
            ),
            startsAt: s.startsAt ? s.startsAt.toISOString() : null,
            durationMinutes: s.durationMinutes,
            durationRange: { min: s.minMinutes, max: s.maxMinutes },
            mode: s.mode,
            meetingLink: s.meetingLink,
            place: s.place,
            outOfMonthReason: s.outOfMonthReason,
            proposedStartsAt: s.proposedStartsAt?.toISOString() ?? null,
            cancellationReason: s.cancellationReason,
            sharedByCohort: s.sharedByCohort,
            participants: s.participants.map((role) => ({ role, person: people[role] })),
            attendance: (s.attendances?.[0]?.attendance ?? 'expected') as Attendance,
            availableActions: availableActions(state, actor, now),
            signOffs: signOffs.get(s.id) ?? [],
            version: s.version,
          };
        }),
      };
    });
    return {
      enrolment: toSummary(enrolment, template, today),
      template: { id: templateRow.id, name: templateRow.name, version: templateRow.version },
      today,
      months,
      selfDirectedCourses: template.selfDirectedCourses.map(({ key, title }) => ({ key, title })),
      awaitingSignOffs: awaitedSignOffs(facts, today).map((a) => ({ ...a, yours: parties.includes(a.awaiting) })),
    };
  }

  /**
   * Who signed what for these sessions of one enrolment, from the audit trail (the slot accepted, the record)
   * and the release requests (confirmed or declined): one query.
   */
  private async signOffs(enrolmentId: string, sessionIds: string[]): Promise<Map<string, SignOff[]>> {
    const rows: {
      session_id: string;
      what: SignOff['what'];
      person_id: string | null;
      full_name: string | null;
      at: Date;
      via_link: boolean;
    }[] =
      sessionIds.length === 0
        ? []
        : await this.db.query(
            `SELECT a.entity_id AS session_id,
                    CASE a.action WHEN 'session.record' THEN 'recorded' ELSE 'slot_accepted' END AS what,
                    p.id AS person_id, p.full_name, a.at, COALESCE((a.detail->>'viaLink')::boolean, false) AS via_link
               FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
              WHERE a.entity_type = 'session' AND a.entity_id = ANY($1::text[])
                AND a.action IN ('session.accept_slot', 'session.accept_proposal', 'session.record')
             UNION ALL
             SELECT r.session_id::text,
                    CASE r.status WHEN 'confirmed' THEN 'release_confirmed' ELSE 'release_declined' END,
                    p.id, p.full_name, r.decided_at, r.via_link
               FROM release_request r LEFT JOIN person p ON p.id = r.decided_by_id
              WHERE r.enrolment_id = $2 AND r.session_id IS NOT NULL AND r.status IN ('confirmed', 'declined')
              ORDER BY at`,
            [sessionIds, enrolmentId],
          );
    const bySession = new Map<string, SignOff[]>();
    for (const row of rows) {
      const entry: SignOff = {
        what: row.what,
        by: row.person_id ? { id: row.person_id, fullName: row.full_name ?? '' } : null,
        at: new Date(row.at).toISOString(),
        viaLink: row.via_link,
      };
      bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), entry]);
    }
    return bySession;
  }

  /**
   * Ends an active enrolment early, with the reason. Its records stay as they are, read-only; its own sessions
   * still booked are left for the Alliance supervisor to cancel, so the people in them are told. It leaves the
   * cohort meetings still to come and its undecided release requests are cancelled (withdrawTraces).
   */
  async withdraw(user: AuthUser, id: string, dto: WithdrawEnrolmentDto): Promise<EnrolmentSummary> {
    await this.findReadable(user, id);
    const reason = dto.reason.trim();
    if (!reason)
      throw validationFailed([{ field: 'reason', reason: 'reason must say why the enrolment is withdrawn' }]);
    await this.db.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT status, version FROM enrolment WHERE id = $1 FOR UPDATE', [id])) as {
        status: string;
        version: number;
      }[];
      if (row!.status !== 'active') throw new ConflictException(`This enrolment is already ${row!.status}`);
      if (row!.version !== dto.version)
        throw new ConflictException('This enrolment was changed since you read it; reload it and try again');
      await manager.update(
        Enrolment,
        { id },
        {
          status: 'withdrawn',
          statusReason: reason,
          statusChangedAt: this.clock.now(),
          statusChangedById: user.id,
          version: row!.version + 1,
        },
      );
      const { leftSessionIds, cancelledReleaseIds } = await this.withdrawTraces(manager, id);
      await this.audit.record(manager, [
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
      ]);
    });
    return this.get(user, id);
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
    const id = await this.db.transaction((manager) => this.enrolInCohort(manager, cohort, input, user.id));
    // The cohort's supervisor may enrol a CCC into a colleague's caseload: they see what they made, once.
    return this.summarise(await this.enrolmentQuery(null).andWhere('enrolment.id = :id', { id }).getOneOrFail());
  }

  /** Shared with the demo data, which enrols as the system rather than as a person. */
  async enrolInCohort(
    manager: EntityManager,
    cohort: Cohort,
    input: CreateEnrolmentDto,
    actorId: string | null,
  ): Promise<string> {
    const template = cohort.template!.definition;
    if (cohort.closedAt) throw new ConflictException('This cohort is closed and takes no new enrolments');
    await this.checkReferences(manager, cohort, input);
    await this.refuseSecondActiveEnrolment(manager, cohort, input.cccId);
    const eligibility = checkEligibility({
      track: input.track,
      employmentStart: input.employmentStart,
      cohortStart: cohort.startDate,
      template,
    });
    if (!eligibility.eligible) throw validationFailed([{ field: 'track', reason: eligibility.reason }]);

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
      enrolmentId = String(inserted.identifiers[0]!['id']);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('This CCC is already enrolled in this cohort');
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
      throw new ConflictException(
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
    if (errors.length > 0) throw validationFailed(errors);
  }
}
