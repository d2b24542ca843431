import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CaseloadRow,
  EnrolmentSummary,
  EnrolmentsPage,
  SignOff,
  TimelineResponse,
  TimelineSession,
} from '@ccc/contracts';
import { LIST_PAGE_SIZE } from '@ccc/contracts';
import {
  ACTIVE_BOOKING_STATUSES,
  attendeeStatus,
  availableActions,
  displayStatus,
  londonDate,
  monthState,
  plannedSessions,
  programmeMonths,
  type ProgrammeTemplate,
  RECORD_WITHIN_DAYS,
  awaitedSignOffs,
  signOffEvents,
  type SignOffFacts,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { groupBy } from '../common/group-by';
import { type ListPageQueryDto, searchPatterns } from '../common/list-page.dto';
import { templateDefinitions, templateVersions } from '../programmes/template.read-model';
import { personRef } from '../sessions/session-view';
import { loadSignOffFacts } from '../sign-offs/sign-off-facts';
import { Enrolment } from './enrolment.entity';
import {
  type EnrolmentRecord,
  readableEnrolment,
  readableEnrolments,
  readableEnrolmentsPage,
  toSummary,
} from './enrolment-summary.read-model';
import { timelineSessions } from './timeline.read-model';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';
import { lookup } from '../common/lookup';
import { oneRow } from '../common/one-row';
import { SCOPED_RELATIONS, type ScopedEnrolment } from './scoped-enrolment';

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** `user` null: unscoped, for a summary of what the caller has just been allowed to create. */
  enrolmentQuery(user: AuthUser | null) {
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

  /** The caller's enrolments: two queries whatever their number (enrolment-summary.read-model.ts). */
  async list(user: AuthUser): Promise<EnrolmentSummary[]> {
    const enrolments = await readableEnrolments(this.db, this.access, user, 'newest-cohort');
    const templates = await this.durations(enrolments.map((e) => e.cohort.templateId));
    const today = londonDate(this.clock.now());
    return enrolments.map((e) => toSummary(e, lookup(templates, e.cohort.templateId), today));
  }

  /**
   * One page of the enrolments list in its order (newest cohort first, then by CCC), searched by words each in the
   * CCC's name or e-mail, the PCN or the cohort: the count, the page, the templates' durations: three statements.
   */
  async page(user: AuthUser, query: ListPageQueryDto): Promise<EnrolmentsPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? LIST_PAGE_SIZE;
    const { records, total } = await readableEnrolmentsPage(this.db, this.access, user, {
      patterns: searchPatterns(query.q),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const templates = await this.durations(records.map((e) => e.cohort.templateId));
    const today = londonDate(this.clock.now());
    return {
      items: records.map((e) => toSummary(e, lookup(templates, e.cohort.templateId), today)),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Per CCC in the caller's scope: sessions still to book this month, waiting, coming up, overdue for recording,
   * missed, held; the next one, and the next one to book. Three queries whatever the caseload's size.
   */
  async caseload(user: AuthUser): Promise<CaseloadRow[]> {
    const enrolments = await this.list(user);
    if (enrolments.length === 0) return [];
    const ids = enrolments.map((e) => e.id);
    // One statement, each part's rows as a JSON array (a round trip each cost the API more than the SQL, issue #17):
    // instants come back as ISO strings, counts as numbers.
    const { counts, next, declined, planned } = oneRow(
      (await this.db.query(
        `SELECT
          (SELECT coalesce(json_agg(q), '[]'::json) FROM (
            SELECT a.enrolment_id, s.month, s.status,
                   (s.status = 'scheduled' AND s.starts_at + make_interval(mins => s.duration_minutes) + make_interval(days => $2) < now()) AS overdue,
                   a.attendance IN ('absent', 'apologies') AS absent,
                   count(*) AS n
              FROM session_attendance a JOIN session s ON s.id = a.session_id
             WHERE a.enrolment_id = ANY($1::uuid[])
             GROUP BY 1, 2, 3, 4, 5) q) AS counts,
          (SELECT coalesce(json_agg(q), '[]'::json) FROM (
            SELECT DISTINCT ON (a.enrolment_id) a.enrolment_id, s.id, s.title, s.starts_at
              FROM session_attendance a JOIN session s ON s.id = a.session_id
             WHERE a.enrolment_id = ANY($1::uuid[]) AND s.status = ANY($3) AND s.starts_at > now()
             ORDER BY a.enrolment_id, s.starts_at) q) AS next,
          (SELECT coalesce(json_agg(q), '[]'::json) FROM (
            SELECT r.enrolment_id, count(*) AS n
              FROM release_request r JOIN session s ON s.id = r.session_id
             WHERE r.enrolment_id = ANY($1::uuid[]) AND r.status = 'declined' AND s.status = ANY($3)
             GROUP BY 1) q) AS declined,
          -- The CCCs' own sessions not booked yet, to offer the next one to book from the caseload's row.
          (SELECT coalesce(json_agg(q ORDER BY q.enrolment_id, q.month, q.starts_at NULLS LAST, q.title, q.id), '[]'::json)
             FROM (
            SELECT a.enrolment_id, s.id, s.title, s.month, s.starts_at
              FROM session_attendance a JOIN session s ON s.id = a.session_id
             WHERE a.enrolment_id = ANY($1::uuid[]) AND s.status = 'planned' AND NOT s.shared_by_cohort) q) AS planned`,
        [ids, RECORD_WITHIN_DAYS, ACTIVE_BOOKING_STATUSES],
      )) as {
        counts: { enrolment_id: string; month: number; status: string; overdue: boolean; absent: boolean; n: number }[];
        next: { enrolment_id: string; id: string; title: string; starts_at: string }[];
        declined: { enrolment_id: string; n: number }[];
        planned: { enrolment_id: string; id: string; title: string; month: number }[];
      }[],
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
        next: upcoming
          ? { id: upcoming.id, title: upcoming.title, startsAt: new Date(upcoming.starts_at).toISOString() }
          : null,
        toBook: toBook ? { id: toBook.id, title: toBook.title, month: Number(toBook.month) } : null,
      };
    });
  }

  /** An enrolment the caller may read (404/403 otherwise) with its template, for the features built on it. */
  async readable(user: AuthUser, id: string): Promise<{ enrolment: ScopedEnrolment; template: ProgrammeTemplate }> {
    const enrolment = await this.findReadable(user, id);
    const templates = await templateDefinitions(this.db, [enrolment.cohort.templateId]);
    return { enrolment, template: lookup(templates, enrolment.cohort.templateId) };
  }

  /** Every enrolment in the caller's scope with what a summary reads of it, and its template: two queries. */
  async readableAll(user: AuthUser): Promise<{ enrolment: EnrolmentRecord; template: ProgrammeTemplate }[]> {
    const enrolments = await readableEnrolments(this.db, this.access, user, 'ccc-name');
    const templates = await templateDefinitions(
      this.db,
      enrolments.map((e) => e.cohort.templateId),
    );
    return enrolments.map((enrolment) => ({ enrolment, template: lookup(templates, enrolment.cohort.templateId) }));
  }

  summaryOf(enrolment: EnrolmentRecord, template: ProgrammeTemplate): EnrolmentSummary {
    return toSummary(enrolment, template, londonDate(this.clock.now()));
  }

  async findReadable(user: AuthUser, id: string): Promise<ScopedEnrolment> {
    const enrolment =
      (await this.enrolmentQuery(user).andWhere('enrolment.id = :id', { id }).getOne()) ??
      (await this.access.refuse(user, 'enrolment', id, 'Enrolment'));
    return loaded(enrolment, ...SCOPED_RELATIONS);
  }

  async get(user: AuthUser, id: string): Promise<EnrolmentSummary> {
    return this.summarise(await this.findReadable(user, id));
  }

  async summarise(enrolment: ScopedEnrolment): Promise<EnrolmentSummary> {
    const templates = await templateDefinitions(this.db, [enrolment.cohort.templateId]);
    return toSummary(enrolment, lookup(templates, enrolment.cohort.templateId), londonDate(this.clock.now()));
  }

  /**
   * The programme month by month for one CCC, with every sign-off in its month and what awaits whom: seven
   * queries whatever the number of sessions and records.
   */
  async timeline(user: AuthUser, id: string): Promise<TimelineResponse> {
    const enrolment =
      (await readableEnrolment(this.db, this.access, user, id)) ??
      (await this.access.refuse(user, 'enrolment', id, 'Enrolment'));
    const templateRow = lookup(
      await templateVersions(this.db, [enrolment.cohort.templateId]),
      enrolment.cohort.templateId,
    );
    const template = templateRow.definition;
    const sessions = await timelineSessions(this.db, id);
    const facts = lookup(
      await loadSignOffFacts(this.db, [
        { id, status: enrolment.status, cohortStart: enrolment.cohort.startDate, template },
      ]),
      id,
    );
    const events = signOffEvents(facts);
    const signOffs = sessionSignOffs(facts);
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
    // A pause resumed with the plan shifted can move sessions past the programme's last month: shown there.
    const lastMonth = Math.max(template.durationMonths, ...sessions.map((s) => s.month));
    const months = programmeMonths(enrolment.cohort.startDate, lastMonth).map((bounds) => {
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
              allianceId: enrolment.cohort.allianceId,
              participants: s.participants,
              sharedByCohort: s.sharedByCohort,
              leadId: s.leadId,
              cohortSupervisorIds: enrolment.cohortSupervisorIds,
              attendees: [attendee],
            }) ?? 'ccc';
          return {
            id: s.id,
            planItemKey: s.planItemKey,
            kind: s.kind,
            title: s.title,
            purpose: s.purpose,
            status: attendeeStatus(displayStatus({ ...state, monthEndsBefore: bounds.endsBefore }, now), s.attendance),
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
            attendance: s.attendance,
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
}

/**
 * Who signed what for each session of one enrolment: the slot accepted and the record (from the audit trail), the
 * release confirmed or declined, in time order. Read from the sign-off facts the timeline loads anyway, which hold
 * the same rows (the CCC's sessions through its attendance), rather than by a statement of its own (issue #17).
 */
function sessionSignOffs(facts: SignOffFacts): Map<string, SignOff[]> {
  const entries = [
    ...facts.sessionMarks.map((m) => ({
      sessionId: m.sessionId,
      what: m.mark,
      by: m.by,
      at: m.at,
      viaLink: m.viaLink,
    })),
    ...facts.releases.flatMap((r) =>
      r.sessionId === null
        ? []
        : [{ sessionId: r.sessionId, what: `release_${r.decision}` as const, by: r.by, at: r.at, viaLink: r.viaLink }],
    ),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const bySession = new Map<string, SignOff[]>();
  for (const { sessionId, what, by, at, viaLink } of entries) {
    const list = bySession.get(sessionId) ?? [];
    list.push({ what, by: by ? { id: by.id, fullName: by.fullName } : null, at: at.toISOString(), viaLink });
    bySession.set(sessionId, list);
  }
  return bySession;
}
