import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TrainingPlanItemView, TrainingPlanResponse, TrainingProposalView } from '@ccc/contracts';
import {
  checkTrainingItem,
  londonDate,
  monthOfInstant,
  type ProposalDecision,
  type TnaNeedsFacts,
  type TrainingItemInput,
  trainingProposals,
} from '@ccc/programme';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { type Command, Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Conflict, Forbidden, Invalid, NotFound } from '../common/domain-errors';
import { type CompetencyContext, CompetencyContextService } from './competency-context.service';
import type {
  CompleteTrainingPlanItemDto,
  CreateTrainingPlanItemDto,
  UpdateTrainingPlanItemDto,
  VersionDto,
} from './dto/competencies.dto';
import { EvidenceFile } from './evidence-file.entity';
import { Tna, TnaRating } from './tna.entity';
import { TrainingPlanItem } from './training-plan-item.entity';
import { TrainingProposalDecision } from './training-proposal-decision.entity';
import { checkEvidenceFile, storeEvidenceFile, toFileView, type UploadedFile } from './uploads';
import { Clock } from '../common/clock';
import { insertedId, lookup } from '../common/lookup';

/** A plan item locked for a change, with its enrolment's context. */
type ItemRow = { item: TrainingPlanItem; ctx: CompetencyContext };

/** The facts the proposal rule reads from one TNA round. */
function needsFacts(ctx: CompetencyContext, tna: Tna, ratings: TnaRating[]): TnaNeedsFacts {
  const { cccSignedAt, supervisorSignedAt } = tna;
  const signedAt =
    cccSignedAt && supervisorSignedAt ? new Date(Math.max(cccSignedAt.getTime(), supervisorSignedAt.getTime())) : null;
  return {
    round: tna.round,
    cccSignedAt: tna.cccSignedAt?.toISOString() ?? null,
    supervisorSignedAt: tna.supervisorSignedAt?.toISOString() ?? null,
    signedInMonth: signedAt
      ? monthOfInstant(ctx.enrolment.cohort.startDate, ctx.template.durationMonths, signedAt)
      : null,
    ratings: ratings
      .filter((r) => r.tnaId === tna.id)
      .map((r) => ({ code: r.competencyCode, agreedRating: r.agreedRating, needs: r.needs })),
  };
}

function toItemView(item: TrainingPlanItem, files: Map<string, EvidenceFile>): TrainingPlanItemView {
  const certificate = item.certificateFileId ? files.get(item.certificateFileId) : undefined;
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    courseKey: item.courseKey,
    targetMonth: item.targetMonth,
    competencyCodes: item.competencyCodes,
    done: item.completedOn !== null,
    completedOn: item.completedOn,
    completedVia: item.completedVia,
    sessionId: item.sessionId,
    certificate: certificate ? toFileView(certificate) : null,
    version: item.version,
  };
}

/** The training plan agreed at the TNA: items, and when each was done. */
@Injectable()
export class TrainingPlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CompetencyContextService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** Two queries: the items and their certificates' details. */
  async plan(user: AuthUser, enrolmentId: string): Promise<TrainingPlanResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    return this.planOf(ctx);
  }

  private async planOf(ctx: CompetencyContext): Promise<TrainingPlanResponse> {
    const proposals = await this.proposalsOf(this.db.manager, ctx);
    const items = await this.db.getRepository(TrainingPlanItem).find({
      where: { enrolmentId: ctx.enrolment.id },
      order: { targetMonth: 'ASC', createdAt: 'ASC' },
    });
    const fileIds = items.map((i) => i.certificateFileId).filter((id): id is string => !!id);
    const files = fileIds.length
      ? new Map((await this.db.getRepository(EvidenceFile).find({ where: { id: In(fileIds) } })).map((f) => [f.id, f]))
      : new Map<string, EvidenceFile>();
    return {
      enrolmentId: ctx.enrolment.id,
      items: items.map((i) => toItemView(i, files)),
      done: items.filter((i) => i.completedOn !== null).length,
      total: items.length,
      courses: ctx.template.selfDirectedCourses.map((c) => ({ key: c.key, title: c.title })),
      teaching: ctx.template.teaching.map((t) => ({ month: t.month, topic: t.topic })),
      durationMonths: ctx.template.durationMonths,
      canEdit: ctx.side !== null,
      proposals: proposals.map((p) => ({
        round: p.round,
        code: p.code,
        needs: p.needs,
        title: p.title,
        targetMonth: p.targetMonth,
        competencyCodes: p.competencyCodes,
        version: p.version,
      })),
    };
  }

  /** Needs agreed at TNAs signed by both and not yet decided: three queries (TNAs, their needs, decisions). */
  private async proposalsOf(manager: EntityManager, ctx: CompetencyContext, round?: number) {
    const tnas = await manager.find(Tna, {
      where: { enrolmentId: ctx.enrolment.id, ...(round ? { round } : {}) },
      ...(round ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const signed = tnas.filter((t) => t.cccSignedAt && t.supervisorSignedAt);
    if (signed.length === 0) return [];
    const ids = signed.map((t) => t.id);
    const ratings = await manager.find(TnaRating, { where: { tnaId: In(ids) } });
    const decisions = await manager.find(TrainingProposalDecision, { where: { tnaId: In(ids) } });
    const roundOf = new Map(signed.map((t) => [t.id, t.round]));
    const tnaOf = new Map(signed.map((t) => [t.round, t]));
    return trainingProposals(
      signed.map((t) => needsFacts(ctx, t, ratings)),
      decisions.map((d) => ({ round: lookup(roundOf, d.tnaId), code: d.competencyCode })),
      { framework: ctx.framework, durationMonths: ctx.template.durationMonths },
    ).map((p): TrainingProposalView & { tnaId: string } => ({
      ...p,
      version: lookup(tnaOf, p.round).version,
      tnaId: lookup(tnaOf, p.round).id,
    }));
  }

  /**
   * The CCC or their own Alliance supervisor decides on a need proposed from a signed TNA: accepted, it becomes a
   * free plan item (with the changes given); dropped, it is no longer proposed. 404 for a need not proposed, 409
   * once decided or when the TNA changed since it was read.
   */
  async decideProposal(
    user: AuthUser,
    enrolmentId: string,
    round: number,
    code: string,
    decision: ProposalDecision,
    dto: { version: number; title?: string; targetMonth?: number; competencyCodes?: string[] },
  ): Promise<TrainingPlanResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.requireEditor(ctx);
    await this.commands.run({
      load: async () => ctx,
      enrolments: () => [enrolmentId],
      apply: async ({ manager }) => {
        const proposal = (await this.proposalsOf(manager, ctx, round)).find((p) => p.code === code);
        if (!proposal) {
          const decided = await manager
            .createQueryBuilder(TrainingProposalDecision, 'd')
            .innerJoin(Tna, 't', 't.id = d.tna_id')
            .where('t.enrolment_id = :enrolmentId AND t.round = :round AND d.competency_code = :code', {
              enrolmentId,
              round,
              code,
            })
            .getOne();
          if (decided) throw new Conflict(`This need was already ${decided.decision}`);
          throw new NotFound(`No need agreed at TNA ${round} is proposed for ${code.slice(0, 40)}`);
        }
        assertVersion(proposal, dto.version, 'TNA');
        let itemId: string | null = null;
        let item: ReturnType<TrainingPlanService['check']> | null = null;
        if (decision === 'accepted') {
          item = this.check(ctx, {
            kind: 'free',
            title: dto.title ?? proposal.title,
            targetMonth: dto.targetMonth ?? proposal.targetMonth,
            competencyCodes: dto.competencyCodes ?? proposal.competencyCodes,
          });
          const { identifiers } = await manager.insert(TrainingPlanItem, {
            ...item,
            enrolmentId,
            createdById: user.id,
          });
          itemId = insertedId({ identifiers });
        }
        try {
          await manager.insert(TrainingProposalDecision, {
            tnaId: proposal.tnaId,
            competencyCode: code,
            decision,
            trainingPlanItemId: itemId,
          });
        } catch (error) {
          if (error instanceof QueryFailedError) throw new Conflict('This need was decided meanwhile');
          throw error;
        }
        return { proposal, item, itemId };
      },
      audit: (_, { proposal, item, itemId }) => ({
        actorId: user.id,
        action: decision === 'accepted' ? 'training-plan.proposal-accepted' : 'training-plan.proposal-dropped',
        entityType: 'tna',
        entityId: proposal.tnaId,
        detail: {
          enrolmentId,
          round,
          code,
          ...(item
            ? {
                itemId,
                item,
                edited:
                  item.title !== proposal.title ||
                  item.targetMonth !== proposal.targetMonth ||
                  item.competencyCodes.join() !== proposal.competencyCodes.join(),
              }
            : {}),
        },
      }),
    });
    return this.planOf(ctx);
  }

  private requireEditor(ctx: CompetencyContext): void {
    if (!ctx.side) throw new Forbidden('Only the CCC and their own Alliance supervisor change the training plan');
  }

  private check(ctx: CompetencyContext, input: TrainingItemInput) {
    const result = checkTrainingItem(input, {
      durationMonths: ctx.template.durationMonths,
      courses: ctx.template.selfDirectedCourses,
      teaching: ctx.template.teaching,
      framework: ctx.framework,
    });
    if (!result.ok) throw new Invalid(result.problems);
    return result.item;
  }

  async create(user: AuthUser, enrolmentId: string, dto: CreateTrainingPlanItemDto): Promise<TrainingPlanResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.requireEditor(ctx);
    const item = this.check(ctx, dto);
    await this.commands.run({
      load: async () => ctx,
      enrolments: () => [enrolmentId],
      apply: async ({ manager }) => {
        const { identifiers } = await manager.insert(TrainingPlanItem, { ...item, enrolmentId, createdById: user.id });
        return insertedId({ identifiers });
      },
      audit: (_, itemId) => ({
        actorId: user.id,
        action: 'training-plan.item-added',
        entityType: 'training_plan_item',
        entityId: itemId,
        detail: { enrolmentId, ...item },
      }),
    });
    return this.planOf(ctx);
  }

  /**
   * A command's first steps on a plan item: the item and its enrolment's context, locked (404 / 403 as for the
   * enrolment), and its enrolment still open. Who may change it and the version read come next, in that order.
   */
  private item(user: AuthUser, id: string): Pick<Command<ItemRow, unknown>, 'load' | 'enrolments'> {
    return {
      load: async ({ manager }) => {
        const item = await manager.findOne(TrainingPlanItem, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!item) throw new NotFound('Training plan item not found');
        return { item, ctx: await this.context.forEnrolment(user, item.enrolmentId) };
      },
      enrolments: ({ item }) => [item.enrolmentId],
    };
  }

  async update(user: AuthUser, id: string, dto: UpdateTrainingPlanItemDto): Promise<TrainingPlanResponse> {
    const { ctx } = await this.commands.run({
      ...this.item(user, id),
      apply: async ({ manager }, { item, ctx }) => {
        this.requireEditor(ctx);
        assertVersion(item, dto.version, 'plan item');
        if (item.completedOn) throw new Conflict('This item is done: it stays as it was done');
        const next = this.check(ctx, {
          kind: item.kind,
          courseKey: item.courseKey,
          title: dto.title ?? item.title,
          targetMonth: dto.targetMonth ?? item.targetMonth,
          competencyCodes: dto.competencyCodes ?? item.competencyCodes,
        });
        await manager.update(
          TrainingPlanItem,
          { id, version: item.version },
          {
            title: next.title,
            targetMonth: next.targetMonth,
            competencyCodes: next.competencyCodes,
            version: item.version + 1,
          },
        );
        return { ctx, next };
      },
      audit: ({ item }, { next }) => ({
        actorId: user.id,
        action: 'training-plan.item-changed',
        entityType: 'training_plan_item',
        entityId: id,
        detail: {
          enrolmentId: item.enrolmentId,
          before: { title: item.title, targetMonth: item.targetMonth, competencyCodes: item.competencyCodes },
          after: { title: next.title, targetMonth: next.targetMonth, competencyCodes: next.competencyCodes },
        },
      }),
    });
    return this.planOf(ctx);
  }

  async remove(user: AuthUser, id: string, dto: VersionDto): Promise<TrainingPlanResponse> {
    const ctx = await this.commands.run({
      ...this.item(user, id),
      apply: async ({ manager }, { item, ctx }) => {
        this.requireEditor(ctx);
        assertVersion(item, dto.version, 'plan item');
        if (item.completedOn) throw new Conflict('This item is done: it stays on the record');
        await manager.delete(TrainingPlanItem, { id, version: item.version });
        return ctx;
      },
      audit: ({ item }) => ({
        actorId: user.id,
        action: 'training-plan.item-removed',
        entityType: 'training_plan_item',
        entityId: id,
        detail: { enrolmentId: item.enrolmentId, kind: item.kind, title: item.title, targetMonth: item.targetMonth },
      }),
    });
    return this.planOf(ctx);
  }

  /** The CCC marks an item done, on a date not in the future, with a certificate if they have one. */
  async complete(
    user: AuthUser,
    id: string,
    dto: CompleteTrainingPlanItemDto,
    certificate: UploadedFile | undefined,
  ): Promise<TrainingPlanResponse> {
    if (dto.completedOn > londonDate(this.clock.now()))
      throw new Invalid({ field: 'completedOn', reason: 'completedOn must not be in the future' });
    const type = certificate && certificate.size > 0 ? checkEvidenceFile(certificate) : null;
    const { ctx } = await this.commands.run({
      ...this.item(user, id),
      apply: async ({ manager }, { item, ctx }) => {
        this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
        assertVersion(item, dto.version, 'plan item');
        if (item.completedOn) throw new Conflict(`This item is already done (${item.completedOn})`);
        const stored =
          certificate && type
            ? await storeEvidenceFile(manager, certificate, type.contentType, type.extension, item.enrolmentId, user.id)
            : null;
        await manager.update(
          TrainingPlanItem,
          { id, version: item.version },
          {
            completedOn: dto.completedOn,
            completedVia: 'ccc',
            certificateFileId: stored?.id ?? null,
            version: item.version + 1,
          },
        );
        return { ctx, stored };
      },
      audit: ({ item }, { stored }) => ({
        actorId: user.id,
        action: 'training.done',
        entityType: 'training_plan_item',
        entityId: id,
        detail: {
          enrolmentId: item.enrolmentId,
          completedOn: dto.completedOn,
          via: 'ccc',
          certificate: stored ? { id: stored.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes } : null,
        },
      }),
    });
    return this.planOf(ctx);
  }
}
