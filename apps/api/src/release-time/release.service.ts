import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReleaseRequestView, ReleaseSummary } from '@ccc/contracts';
import {
  checkCap,
  confirmedReleaseMinutes,
  isoWeekOf,
  londonDate,
  programmeChartWeeks,
  programmeEndsBefore,
  type ProgrammeTemplate,
  releaseRules,
  releaseWithdrawal,
  studyWeeks,
} from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuditRecord } from '../audit/audit.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Conflict, Forbidden, Invalid, NotFound } from '../common/domain-errors';
import { Enrolment } from '../enrolments/enrolment.entity';
import { assertOpen, refuseIfPaused } from '../enrolments/enrolment-lock';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { personRef } from '../sessions/session-view';
import type {
  ConfirmReleaseDto,
  ConfirmWeekDto,
  DeclineReleaseDto,
  LogReleaseDto,
  WithdrawReleaseDto,
} from './dto/release.dto';
import { ReleaseRequest } from './release-request.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';

export const CHART_WEEKS = 8;

/** Who decided release requests, by id: their name is all a view shows of them. */
export type Deciders = Map<string, { id: string; fullName: string }>;

export function toReleaseView(r: ReleaseRequest, people: Deciders): ReleaseRequestView {
  return {
    id: r.id,
    enrolmentId: r.enrolmentId,
    kind: r.kind,
    sessionId: r.sessionId,
    description: r.description,
    date: r.date,
    minutes: r.minutes,
    status: r.status,
    decidedBy: r.decidedById ? personRef(people.get(r.decidedById)) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    overrideReason: r.overrideReason,
    viaLink: r.viaLink,
    version: r.version,
  };
}

/** Who decided, for many requests at once: one query, of their names only (not whole person rows). */
export async function deciders(manager: EntityManager, requests: ReleaseRequest[]): Promise<Deciders> {
  const ids = [...new Set(requests.map((r) => r.decidedById).filter((v): v is string => !!v))];
  const people: { id: string; fullName: string }[] = ids.length
    ? await manager.query('SELECT id, full_name AS "fullName" FROM person WHERE id = ANY($1::uuid[])', [ids])
    : [];
  return new Map(people.map((p) => [p.id, p]));
}

@Injectable()
export class ReleaseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  async summary(user: AuthUser, enrolmentId: string): Promise<ReleaseSummary> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const requests = await this.db
      .getRepository(ReleaseRequest)
      .find({ where: { enrolmentId }, order: { date: 'DESC', createdAt: 'DESC' } });
    const rules = releaseRules(template);
    // Only the programme's weeks are judged: none before the cohort starts or after it ends.
    const weeks = programmeChartWeeks(
      enrolment.cohort.startDate,
      template.durationMonths,
      londonDate(this.clock.now()),
      CHART_WEEKS,
    );
    return {
      enrolmentId,
      rules,
      requests: await this.views(requests),
      weeks: rules ? studyWeeks(requests, weeks, rules) : [],
      confirmedReleaseMinutes: confirmedReleaseMinutes(requests),
      pendingCount: requests.filter((r) => r.status === 'pending').length,
    };
  }

  private async views(requests: ReleaseRequest[]): Promise<ReleaseRequestView[]> {
    const people = await deciders(this.db.manager, requests);
    return requests.map((r) => toReleaseView(r, people));
  }

  /** The CCC logs their own study time or a training day, inside the programme's dates. */
  async log(user: AuthUser, enrolmentId: string, dto: LogReleaseDto): Promise<ReleaseRequestView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    this.access.requireOwnEnrolment(user, enrolment, 'logs their own study time');
    const endsBefore = programmeEndsBefore(enrolment.cohort.startDate, template.durationMonths);
    if (dto.date < enrolment.cohort.startDate || dto.date >= endsBefore) {
      throw new Invalid({
        field: 'date',
        reason: `date must be within the programme (${enrolment.cohort.startDate} to before ${endsBefore})`,
      });
    }
    if (dto.date > londonDate(this.clock.now()))
      throw new Invalid({ field: 'date', reason: 'study time is logged once taken, not ahead' });
    const { row: saved } = await this.commands.run({
      load: async () => enrolmentId,
      enrolments: (id) => [id],
      apply: async ({ manager }) => {
        await refuseIfPaused(manager, [enrolmentId]);
        const requestKey = dto.requestKey ?? null;
        // A second submit of the same form (same key) finds the first entry instead of adding another.
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ReleaseRequest)
          .values({
            enrolmentId,
            kind: dto.kind,
            sessionId: null,
            date: dto.date,
            minutes: dto.minutes,
            description: dto.description.trim(),
            requestKey,
          })
          .orIgnore()
          .returning('id')
          .execute();
        const id = (inserted.raw as { id: string }[])[0]?.id;
        // A repeat is no new entry, so it has no audit entry either.
        if (!id)
          return { row: await manager.findOneByOrFail(ReleaseRequest, { enrolmentId, requestKey: requestKey! }) };
        return { row: await manager.findOneByOrFail(ReleaseRequest, { id }), added: true };
      },
      audit: (_, { row, added }) =>
        added
          ? {
              actorId: user.id,
              action: 'release.logged',
              entityType: 'release_request',
              entityId: row.id,
              detail: { kind: dto.kind, date: dto.date, minutes: dto.minutes },
            }
          : null,
    });
    return toReleaseView(saved, new Map());
  }

  /**
   * The request and its enrolment, locked for this transaction so that two confirmations for one CCC cannot
   * both pass the cap check. Only an administrator or a PCN supervisor of the CCC's PCN decides.
   */
  private async loadForDecision(manager: EntityManager, user: AuthUser, id: string) {
    const request = await manager.findOne(ReleaseRequest, { where: { id } });
    if (!request) return this.access.refuse(user, 'release_request', id, 'Release request');
    const enrolment = await manager
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.cohort', 'cohort')
      .innerJoinAndSelect('cohort.template', 'template')
      .where('e.id = :id', { id: request.enrolmentId })
      .setLock('pessimistic_write', undefined, ['e'])
      .getOneOrFail();
    const cohort = loaded(loaded(enrolment, 'cohort').cohort, 'template');
    const allianceId = cohort.allianceId;
    if (!this.access.inAlliance(user, allianceId)) throw new NotFound('Release request not found');
    if (!this.access.mayDecideRelease(user, { pcnId: enrolment.pcnId, allianceId }))
      throw new Forbidden('Only a PCN supervisor of the CCC\u2019s PCN confirms release time');
    // The enrolment row is locked above, so the one closed check reads it rather than locking it again.
    assertOpen(enrolment);
    return { request, enrolment, template: cohort.template.definition };
  }

  private async confirmIn(
    manager: EntityManager,
    user: AuthUser,
    request: ReleaseRequest,
    template: ProgrammeTemplate,
    overrideReason: string | undefined,
    viaLink: boolean,
  ): Promise<AuditRecord> {
    const all = await manager.find(ReleaseRequest, { where: { enrolmentId: request.enrolmentId } });
    const rules = releaseRules(template);
    const self = all.find((r) => r.id === request.id)!;
    const cap = rules ? checkCap(all, { ...self, status: 'confirmed' as const }, rules) : null;
    const reason = overrideReason?.trim() || null;
    if (cap && !cap.withinCap && !reason) throw new Invalid({ field: 'overrideReason', reason: cap.reason });
    await manager.update(
      ReleaseRequest,
      { id: request.id, version: request.version },
      {
        status: 'confirmed',
        decidedById: user.id,
        decidedAt: this.clock.now(),
        overrideReason: cap && !cap.withinCap ? reason : null,
        viaLink,
        version: request.version + 1,
      },
    );
    return {
      actorId: user.id,
      action: 'release.confirmed',
      entityType: 'release_request',
      entityId: request.id,
      detail: {
        from: request.status,
        to: 'confirmed',
        viaLink,
        minutes: request.minutes,
        date: request.date,
        overCap: cap ? !cap.withinCap : false,
        reason: cap && !cap.withinCap ? reason : null,
      },
    };
  }

  /** Confirms; confirming an already confirmed request changes nothing. Past the cap needs a reason. */
  async confirm(user: AuthUser, id: string, dto: ConfirmReleaseDto, viaLink = false): Promise<ReleaseRequestView> {
    await this.commands.run({
      load: ({ manager }) => this.loadForDecision(manager, user, id),
      apply: async ({ manager }, { request, template }) => {
        // Confirming again changes nothing, whatever version was read.
        if (request.status === 'confirmed') return null;
        if (request.status !== 'pending')
          throw new Conflict(`This request was ${request.status}; it cannot be confirmed`);
        assertVersion(request, dto.version, 'request');
        return this.confirmIn(manager, user, request, template, dto.overrideReason, viaLink);
      },
      audit: (_, entry) => entry,
    });
    return this.one(id);
  }

  /** Declines with a reason; a session's declined release shows on the Alliance supervisor's caseload. */
  async decline(user: AuthUser, id: string, dto: DeclineReleaseDto, viaLink = false): Promise<ReleaseRequestView> {
    await this.commands.run({
      load: ({ manager }) => this.loadForDecision(manager, user, id),
      apply: async ({ manager }, { request }) => {
        if (request.status === 'declined') return null;
        if (request.status !== 'pending')
          throw new Conflict(`This request was ${request.status}; it cannot be declined`);
        assertVersion(request, dto.version, 'request');
        const reason = dto.reason.trim();
        await manager.update(
          ReleaseRequest,
          { id, version: request.version },
          {
            status: 'declined',
            decidedById: user.id,
            decidedAt: this.clock.now(),
            decisionReason: reason,
            viaLink,
            version: request.version + 1,
          },
        );
        return {
          actorId: user.id,
          action: 'release.declined',
          entityType: 'release_request',
          entityId: id,
          detail: { from: request.status, to: 'declined', reason, viaLink, sessionId: request.sessionId },
        };
      },
      audit: (_, entry) => entry,
    });
    return this.one(id);
  }

  /** Confirms every pending request of one ISO week for a CCC, all or nothing. */
  async confirmWeek(user: AuthUser, enrolmentId: string, dto: ConfirmWeekDto): Promise<ReleaseSummary> {
    await this.enrolments.readable(user, enrolmentId);
    await this.commands.run({
      load: async ({ manager }) =>
        (
          await manager.find(ReleaseRequest, { where: { enrolmentId, status: 'pending' }, order: { date: 'ASC' } })
        ).filter((r) => isoWeekOf(r.date) === dto.week),
      apply: async ({ manager }, pending) => {
        const entries: AuditRecord[] = [];
        for (const request of pending) {
          const { template } = await this.loadForDecision(manager, user, request.id);
          entries.push(await this.confirmIn(manager, user, request, template, dto.overrideReason, false));
        }
        return entries;
      },
      audit: (_, entries) => entries,
    });
    return this.summary(user, enrolmentId);
  }

  /** The CCC takes back study time or a training day the PCN has not decided yet. */
  async withdraw(user: AuthUser, id: string, dto: WithdrawReleaseDto): Promise<ReleaseRequestView> {
    await this.commands.run({
      load: async ({ manager }) => {
        const request = await manager.findOne(ReleaseRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!request) return this.access.refuse(user, 'release_request', id, 'Release request');
        // Another Alliance's entry is unknown here (404); one of this Alliance the caller may not read is 403.
        const { enrolment } = await this.enrolments
          .readable(user, request.enrolmentId)
          .catch(() => this.access.refuse(user, 'release_request', id, 'Release request'));
        this.access.requireOwnEnrolment(user, enrolment, 'withdraws their own study time');
        return request;
      },
      enrolments: (request) => [request.enrolmentId],
      apply: async ({ manager }, request) => {
        const allowed = releaseWithdrawal(request);
        if (!allowed.ok) throw new Conflict(allowed.reason);
        assertVersion(request, dto.version, 'entry');
        await manager.update(
          ReleaseRequest,
          { id, version: request.version },
          { status: 'withdrawn', version: request.version + 1 },
        );
      },
      audit: (request) => ({
        actorId: user.id,
        action: 'release.withdrawn',
        entityType: 'release_request',
        entityId: id,
        detail: {
          from: request.status,
          to: 'withdrawn',
          kind: request.kind,
          date: request.date,
          minutes: request.minutes,
        },
      }),
    });
    return this.one(id);
  }

  private async one(id: string): Promise<ReleaseRequestView> {
    const request = await this.db.getRepository(ReleaseRequest).findOneByOrFail({ id });
    return (await this.views([request]))[0]!;
  }
}
