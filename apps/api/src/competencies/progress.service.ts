import { refuseIfClosed } from '../enrolments/enrolment-lock';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CompetencyDetailResponse,
  type CompetencyGridResponse,
  type CompetencyProgressView,
  draftKeys,
  type EvidenceView,
  type InboxItem,
  type ReviewView,
  type SignOffInboxResponse,
} from '@ccc/contracts';
import {
  type Competency,
  COMPETENCY_STATES,
  competencyActions,
  type CompetencyEvent,
  type CompetencyFramework,
  type CompetencyState,
  competencyTransition,
  type CompetencyTransitionInput,
  type CompetencyWording,
  evidenceRemoval,
  findCompetency,
  isRatingOnScale,
  stateAfterEvidenceRemoved,
  wordingOf,
  wordingShown,
} from '@ccc/programme';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AuthUser, hasRole } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { groupBy } from '../common/group-by';
import { clearDraft } from '../drafts/drafts.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { Person } from '../people/person.entity';
import { personRef } from '../sessions/session-view';
import { AccessService } from '../access/access.service';
import { type CompetencyContext, CompetencyContextService, frameworkRef } from './competency-context.service';
import { CompetencyEvidence } from './competency-evidence.entity';
import { CompetencyProgress } from './competency-progress.entity';
import { CompetencyReview } from './competency-review.entity';
import type {
  ReturnEvidenceDto,
  SignOffDto,
  SubmitEvidenceDto,
  VersionDto,
  WithdrawSignOffDto,
} from './dto/competencies.dto';
import { EvidenceFile } from './evidence-file.entity';
import { FrameworksService } from './frameworks.service';
import { notifyEvidenceArrived } from './notify';
import { checkEvidenceFile, storeEvidenceFile, toFileView, type UploadedFile } from './uploads';
import { Clock } from '../common/clock';

const UNIQUE_VIOLATION = '23505';

const STALE = 'This competency was changed since you read it; reload it and try again';

/** People by id, for many rows at once: one query. */
async function peopleById(manager: EntityManager, ids: (string | null | undefined)[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const people = await manager.find(Person, { where: { id: In(unique) } });
  return new Map(people.map((p) => [p.id, p]));
}

function toReviewView(
  review: CompetencyReview,
  framework: CompetencyFramework,
  people: Map<string, Person>,
): ReviewView {
  return {
    id: review.id,
    outcome: review.outcome,
    rating: review.rating,
    ratingLabel: framework.scale.find((l) => l.value === review.rating)?.label ?? null,
    comment: review.comment,
    reviewer: personRef(people.get(review.reviewerId)),
    at: review.createdAt.toISOString(),
  };
}

/**
 * A signed-off competency shows the wording signed; where the framework now words it differently, that wording
 * comes alongside (`frameworkWording`).
 */
function signedWordingView(
  competency: Competency,
  progress: CompetencyProgress | undefined,
  reviews: readonly CompetencyReview[],
): CompetencyWording & { frameworkWording?: CompetencyWording } {
  const latest = reviews.at(-1);
  const signed = progress?.state === 'signed_off' && latest?.outcome === 'signed_off' ? latest.signedWording : null;
  const shown = wordingShown(competency, signed);
  const current = wordingOf(competency);
  return shown.title === current.title && shown.description === current.description
    ? shown
    : { ...shown, frameworkWording: current };
}

function toProgressView(
  progress: CompetencyProgress | undefined,
  reviews: ReviewView[],
  evidenceCount: number,
  side: CompetencyContext['side'],
): CompetencyProgressView {
  const state = progress?.state ?? 'not_started';
  const latestReview = reviews.at(-1) ?? null;
  return {
    state,
    version: progress?.version ?? 0,
    since: progress ? progress.stateChangedAt.toISOString() : null,
    evidenceCount,
    signOff: state === 'signed_off' && latestReview?.outcome === 'signed_off' ? latestReview : null,
    latestReview,
    availableActions: competencyActions(state, side),
  };
}

/**
 * A CCC's progress with each competency: the grid, one competency's evidence and reviews, the CCC's steps
 * (start, evidence) and the Alliance supervisor's (sign off, return, withdraw), and the sign-off inbox. Each
 * write locks the progress row, checks the version read, applies the programme's transition rule and audits in
 * the same transaction; a review is a new row, never an edit.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CompetencyContextService,
    private readonly frameworks: FrameworksService,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Domains × competencies with their state: five queries whatever the framework's size. */
  async grid(user: AuthUser, enrolmentId: string): Promise<CompetencyGridResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    const progress = await this.db.getRepository(CompetencyProgress).find({ where: { enrolmentId } });
    const ids = progress.map((p) => p.id);
    const counts: { progress_id: string; n: string }[] = ids.length
      ? await this.db.query(
          `SELECT progress_id, count(*) AS n FROM competency_evidence WHERE progress_id = ANY($1::uuid[]) GROUP BY 1`,
          [ids],
        )
      : [];
    const reviews = ids.length
      ? await this.db
          .getRepository(CompetencyReview)
          .find({ where: { progressId: In(ids) }, order: { createdAt: 'ASC' } })
      : [];
    const people = await peopleById(
      this.db.manager,
      reviews.map((r) => r.reviewerId),
    );
    const byCode = new Map(progress.map((p) => [p.competencyCode, p]));
    const countOf = new Map(counts.map((c) => [c.progress_id, Number(c.n)]));
    const reviewsOf = groupBy(reviews, (r) => r.progressId);
    const tally = Object.fromEntries(COMPETENCY_STATES.map((s) => [s, 0])) as Record<CompetencyState, number>;
    const domains = ctx.framework.domains.map((domain) => ({
      key: domain.key,
      title: domain.title,
      description: domain.description,
      competencies: domain.competencies.map((competency) => {
        const row = byCode.get(competency.code);
        const rowReviews = row ? (reviewsOf.get(row.id) ?? []) : [];
        const views = rowReviews.map((r) => toReviewView(r, ctx.framework, people));
        const cell = {
          ...competency,
          ...signedWordingView(competency, row, rowReviews),
          progress: toProgressView(row, views, row ? (countOf.get(row.id) ?? 0) : 0, ctx.side),
        };
        tally[cell.progress.state]++;
        return cell;
      }),
    }));
    return {
      enrolmentId,
      ccc: personRef(ctx.enrolment.ccc)!,
      allianceSupervisor: personRef(ctx.enrolment.allianceSupervisor),
      framework: frameworkRef(ctx.frameworkRow),
      scale: ctx.framework.scale,
      domains,
      counts: tally,
    };
  }

  /** One competency with all its evidence and reviews, oldest first. */
  async detail(user: AuthUser, enrolmentId: string, code: string): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    return this.detailOf(ctx, code);
  }

  private async detailOf(ctx: CompetencyContext, code: string): Promise<CompetencyDetailResponse> {
    const { competency, domain } = this.context.competency(ctx, code);
    const progress = await this.db
      .getRepository(CompetencyProgress)
      .findOneBy({ enrolmentId: ctx.enrolment.id, competencyCode: competency.code });
    const evidence = progress
      ? await this.db.getRepository(CompetencyEvidence).find({
          where: { progressId: progress.id },
          relations: { file: true },
          order: { createdAt: 'ASC' },
        })
      : [];
    const reviews = progress
      ? await this.db
          .getRepository(CompetencyReview)
          .find({ where: { progressId: progress.id }, order: { createdAt: 'ASC' } })
      : [];
    const people = await peopleById(this.db.manager, [
      ...reviews.map((r) => r.reviewerId),
      ...evidence.map((e) => e.submittedById),
    ]);
    const reviewViews = reviews.map((r) => toReviewView(r, ctx.framework, people));
    return {
      enrolmentId: ctx.enrolment.id,
      framework: frameworkRef(ctx.frameworkRow),
      scale: ctx.framework.scale,
      domain: { key: domain.key, title: domain.title },
      competency: { ...competency, ...signedWordingView(competency, progress ?? undefined, reviews) },
      progress: toProgressView(progress ?? undefined, reviewViews, evidence.length, ctx.side),
      evidence: evidence.map((e): EvidenceView => ({
        id: e.id,
        kind: e.kind,
        text: e.text,
        url: e.url,
        file: e.file ? toFileView(e.file) : null,
        submittedBy: personRef(people.get(e.submittedById)),
        submittedAt: e.createdAt.toISOString(),
        removable:
          ctx.side === 'ccc' &&
          evidenceRemoval(
            e,
            progress!.state,
            reviews.map((r) => r.createdAt),
          ).ok,
      })),
      reviews: reviewViews,
    };
  }

  /**
   * Moves one competency of the enrolment by `event`: locks its progress row (or finds none: not started, version
   * 0), checks the version read when one is given, applies the transition and writes the new state.
   */
  private async step(
    manager: EntityManager,
    ctx: CompetencyContext,
    code: string,
    event: CompetencyEvent,
    versionRead: number | null,
    input: CompetencyTransitionInput = {},
  ): Promise<{ progress: CompetencyProgress; from: CompetencyState; versionRead: number; entered: boolean }> {
    // A completed or withdrawn enrolment's record is read-only (corrections go through amendments).
    await refuseIfClosed(manager, [ctx.enrolment.id]);
    const row = await manager.findOne(CompetencyProgress, {
      where: { enrolmentId: ctx.enrolment.id, competencyCode: code },
      lock: { mode: 'pessimistic_write' },
    });
    const from = row?.state ?? 'not_started';
    const current = row?.version ?? 0;
    if (versionRead !== null && versionRead !== current) {
      if (event === 'sign_off' && from === 'signed_off')
        throw new ConflictException('This competency is already signed off: it was not signed off a second time');
      throw new ConflictException(STALE);
    }
    const transition = competencyTransition(from, event, input);
    if (!transition.ok) {
      if (transition.field) throw validationFailed([{ field: transition.field, reason: transition.reason }]);
      throw new ConflictException(transition.reason);
    }
    const entered = transition.to !== from;
    const now = this.clock.now();
    if (!row) {
      try {
        const { identifiers } = await manager.insert(CompetencyProgress, {
          enrolmentId: ctx.enrolment.id,
          competencyCode: code,
          state: transition.to,
          stateChangedAt: now,
        });
        const progress = await manager.findOneByOrFail(CompetencyProgress, { id: identifiers[0]!['id'] as string });
        return { progress, from, versionRead: current, entered };
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION)
          throw new ConflictException(STALE);
        throw error;
      }
    }
    const result = await manager.update(
      CompetencyProgress,
      { id: row.id, version: row.version },
      { state: transition.to, stateChangedAt: entered ? now : row.stateChangedAt, version: row.version + 1 },
    );
    if (result.affected !== 1) throw new ConflictException(STALE);
    return {
      progress: {
        ...row,
        state: transition.to,
        version: row.version + 1,
        stateChangedAt: entered ? now : row.stateChangedAt,
      },
      from,
      versionRead: current,
      entered,
    };
  }

  /** The CCC starts working towards a competency. */
  async start(user: AuthUser, enrolmentId: string, code: string, dto: VersionDto): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
    const { competency } = this.context.competency(ctx, code);
    await this.db.transaction(async (manager) => {
      const { progress, from } = await this.step(manager, ctx, competency.code, 'start', dto.version);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'competency.started',
        entityType: 'competency_progress',
        entityId: progress.id,
        detail: { enrolmentId, code: competency.code, from, to: progress.state },
      });
    });
    return this.detailOf(ctx, competency.code);
  }

  /** The CCC adds a reflection or a link. Evidence is an addition: no version needed, nothing overwritten. */
  async submitEvidence(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    dto: SubmitEvidenceDto,
  ): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
    const { competency } = this.context.competency(ctx, code);
    const text = dto.text?.trim() || null;
    if (dto.kind === 'reflection' && !text)
      throw validationFailed([{ field: 'text', reason: 'text must be a reflection of at least 10 characters' }]);
    await this.db.transaction((manager) =>
      this.addEvidence(manager, user, ctx, competency.code, competency.title, {
        kind: dto.kind,
        text,
        url: dto.kind === 'link' ? dto.url!.trim() : null,
        fileId: null,
      }),
    );
    return this.detailOf(ctx, competency.code);
  }

  /** The CCC adds a file: recognised by its content (415 otherwise) and kept with its checksum. */
  async submitEvidenceFile(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    file: UploadedFile,
    note: string | undefined,
  ): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
    const { competency } = this.context.competency(ctx, code);
    const type = checkEvidenceFile(file);
    await this.db.transaction(async (manager) => {
      // The state is checked before the file is written, so that a refused step stores nothing.
      await refuseIfClosed(manager, [enrolmentId]);
      const current = await manager.findOne(CompetencyProgress, {
        where: { enrolmentId, competencyCode: competency.code },
      });
      const allowed = competencyTransition(current?.state ?? 'not_started', 'submit_evidence');
      if (!allowed.ok) throw new ConflictException(allowed.reason);
      const stored = await storeEvidenceFile(manager, file, type.contentType, type.extension, enrolmentId, user.id);
      await this.addEvidence(manager, user, ctx, competency.code, competency.title, {
        kind: 'file',
        text: note?.trim() || null,
        url: null,
        fileId: stored.id,
        file: {
          name: stored.fileName,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          contentType: stored.contentType,
        },
      });
    });
    return this.detailOf(ctx, competency.code);
  }

  /**
   * The CCC removes evidence no reviewer has decided on yet; a file goes with it (its content erased, its name and
   * checksum kept in the audit entry). The last evidence of a competency waiting for review takes it back to
   * working towards.
   */
  async removeEvidence(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    evidenceId: string,
  ): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
    const { competency } = this.context.competency(ctx, code);
    await this.db.transaction(async (manager) => {
      await refuseIfClosed(manager, [enrolmentId]);
      const progress = await manager.findOne(CompetencyProgress, {
        where: { enrolmentId, competencyCode: competency.code },
        lock: { mode: 'pessimistic_write' },
      });
      const evidence = progress
        ? await manager.findOne(CompetencyEvidence, { where: { id: evidenceId, progressId: progress.id } })
        : null;
      if (!progress || !evidence) throw new NotFoundException('Evidence not found');
      const reviews = await manager.find(CompetencyReview, { where: { progressId: progress.id } });
      const allowed = evidenceRemoval(
        evidence,
        progress.state,
        reviews.map((r) => r.createdAt),
      );
      if (!allowed.ok) throw new ConflictException(allowed.reason);
      const file = evidence.fileId ? await manager.findOneBy(EvidenceFile, { id: evidence.fileId }) : null;
      await manager.delete(CompetencyEvidence, { id: evidence.id });
      if (file) await manager.delete(EvidenceFile, { id: file.id });
      const left = await manager.count(CompetencyEvidence, { where: { progressId: progress.id } });
      const to = stateAfterEvidenceRemoved(progress.state, left);
      const now = this.clock.now();
      await manager.update(
        CompetencyProgress,
        { id: progress.id, version: progress.version },
        {
          state: to,
          stateChangedAt: to !== progress.state ? now : progress.stateChangedAt,
          version: progress.version + 1,
        },
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'competency.evidence-removed',
        entityType: 'competency_progress',
        entityId: progress.id,
        detail: {
          enrolmentId,
          code: competency.code,
          evidenceId: evidence.id,
          kind: evidence.kind,
          from: progress.state,
          to,
          ...(file
            ? {
                file: {
                  id: file.id,
                  name: file.fileName,
                  sha256: file.sha256,
                  sizeBytes: file.sizeBytes,
                  contentType: file.contentType,
                  erased: true,
                },
              }
            : {}),
        },
      });
    });
    return this.detailOf(ctx, competency.code);
  }

  private async addEvidence(
    manager: EntityManager,
    user: AuthUser,
    ctx: CompetencyContext,
    code: string,
    title: string,
    evidence: {
      kind: 'reflection' | 'link' | 'file';
      text: string | null;
      url: string | null;
      fileId: string | null;
      file?: Record<string, unknown>;
    },
  ): Promise<void> {
    const { progress, from, entered } = await this.step(manager, ctx, code, 'submit_evidence', null);
    const { identifiers } = await manager.insert(CompetencyEvidence, {
      progressId: progress.id,
      kind: evidence.kind,
      text: evidence.text,
      url: evidence.url,
      fileId: evidence.fileId,
      submittedById: user.id,
    });
    const evidenceId = identifiers[0]!['id'] as string;
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'competency.evidence-submitted',
      entityType: 'competency_progress',
      entityId: progress.id,
      detail: {
        enrolmentId: ctx.enrolment.id,
        code,
        evidenceId,
        kind: evidence.kind,
        from,
        to: progress.state,
        ...(evidence.url ? { url: evidence.url } : {}),
        ...(evidence.file ? { file: evidence.file } : {}),
      },
    });
    await clearDraft(manager, user.id, draftKeys.evidence(ctx.enrolment.id, code));
    // The reviewer hears the moment a competency starts waiting for them (more evidence while it waits joins it).
    if (entered && ctx.enrolment.allianceSupervisorId)
      await notifyEvidenceArrived(manager, {
        reviewerId: ctx.enrolment.allianceSupervisorId,
        evidenceId,
        enrolmentId: ctx.enrolment.id,
        code,
        competencyTitle: title,
        cccName: ctx.enrolment.ccc?.fullName ?? 'A CCC',
      });
  }

  /** Only the CCC's own Alliance supervisor: a rating on the scale and a comment, as a new review row. */
  async signOff(user: AuthUser, enrolmentId: string, code: string, dto: SignOffDto): Promise<CompetencyDetailResponse> {
    return this.review(user, enrolmentId, code, 'sign_off', dto.version, {
      outcome: 'signed_off',
      rating: dto.rating,
      comment: dto.comment,
    });
  }

  async returnEvidence(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    dto: ReturnEvidenceDto,
  ): Promise<CompetencyDetailResponse> {
    return this.review(user, enrolmentId, code, 'return', dto.version, {
      outcome: 'returned',
      rating: null,
      comment: dto.comment,
    });
  }

  async withdrawSignOff(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    dto: WithdrawSignOffDto,
  ): Promise<CompetencyDetailResponse> {
    return this.review(user, enrolmentId, code, 'withdraw_sign_off', dto.version, {
      outcome: 'withdrawn',
      rating: null,
      comment: dto.reason,
    });
  }

  private async review(
    user: AuthUser,
    enrolmentId: string,
    code: string,
    event: 'sign_off' | 'return' | 'withdraw_sign_off',
    versionRead: number,
    review: { outcome: CompetencyReview['outcome']; rating: number | null; comment: string },
  ): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'supervisor');
    const { competency } = this.context.competency(ctx, code);
    if (review.rating !== null && !isRatingOnScale(ctx.framework, review.rating))
      throw validationFailed([
        {
          field: 'rating',
          reason: `rating must be a level of the scale: ${ctx.framework.scale.map((l) => `${l.value} (${l.label})`).join(', ')}`,
        },
      ]);
    const comment = review.comment.trim();
    await this.db.transaction(async (manager) => {
      const step = await this.step(manager, ctx, competency.code, event, versionRead, { comment, reason: comment });
      try {
        const { identifiers } = await manager.insert(CompetencyReview, {
          progressId: step.progress.id,
          progressVersion: step.versionRead,
          outcome: review.outcome,
          rating: review.rating,
          comment,
          // What was signed keeps its words when a later framework version rewords the competency.
          signedWording: review.outcome === 'signed_off' ? wordingOf(competency) : null,
          reviewerId: user.id,
        });
        await this.audit.record(manager, {
          actorId: user.id,
          action: `competency.${review.outcome === 'signed_off' ? 'signed-off' : review.outcome === 'returned' ? 'returned' : 'sign-off-withdrawn'}`,
          entityType: 'competency_progress',
          entityId: step.progress.id,
          detail: {
            enrolmentId,
            code: competency.code,
            reviewId: identifiers[0]!['id'],
            from: step.from,
            to: step.progress.state,
            rating: review.rating,
            comment,
          },
        });
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION)
          throw new ConflictException(STALE);
        throw error;
      }
      await clearDraft(manager, user.id, draftKeys.review(enrolmentId, competency.code));
    });
    return this.detailOf(ctx, competency.code);
  }

  /**
   * The Alliance supervisor's evidence waiting for review across their caseload (oldest first), and the CCC's
   * competencies returned to them (newest first). Four queries whatever the caseload.
   */
  /** Personal lists, but only of the Alliance the caller acts in (a supervisor who moved keeps them apart). */
  async inbox(user: AuthUser): Promise<SignOffInboxResponse> {
    type Row = {
      progress_id: string;
      enrolment_id: string;
      competency_code: string;
      state: CompetencyState;
      state_changed_at: Date;
      version: number;
      ccc_id: string;
      ccc_name: string;
      framework_id: string;
      evidence_count: string;
      outcome: CompetencyReview['outcome'] | null;
      comment: string | null;
      reviewer_id: string | null;
      reviewer_name: string | null;
    };
    const select = `SELECT p.id AS progress_id, p.enrolment_id, p.competency_code, p.state, p.state_changed_at, p.version,
              e.ccc_id, ccc.full_name AS ccc_name, c.competency_framework_id AS framework_id,
              (SELECT count(*) FROM competency_evidence ev WHERE ev.progress_id = p.id) AS evidence_count`;
    const from = `FROM competency_progress p JOIN enrolment e ON e.id = p.enrolment_id
              JOIN person ccc ON ccc.id = e.ccc_id JOIN cohort c ON c.id = e.cohort_id`;
    const waiting: Row[] = hasRole(user, 'alliance_supervisor')
      ? await this.db.query(
          `${select}, NULL AS outcome, NULL AS comment, NULL AS reviewer_id, NULL AS reviewer_name ${from}
            WHERE p.state = 'evidence_submitted' AND e.alliance_supervisor_id = $1 AND e.status = 'active'
              AND c.alliance_id = $2
            ORDER BY p.state_changed_at ASC, p.id`,
          [user.id, user.allianceId],
        )
      : [];
    const returned: Row[] = hasRole(user, 'ccc')
      ? ((await this.db.query(
          `SELECT * FROM (
               SELECT DISTINCT ON (p.id) ${select.slice('SELECT '.length)}, r.outcome, r.comment, r.reviewer_id,
                      reviewer.full_name AS reviewer_name
                 ${from} JOIN competency_review r ON r.progress_id = p.id JOIN person reviewer ON reviewer.id = r.reviewer_id
                WHERE p.state = 'working_towards' AND e.ccc_id = $1 AND c.alliance_id = $2
                ORDER BY p.id, r.created_at DESC) latest
             WHERE outcome IN ('returned', 'withdrawn')
             ORDER BY state_changed_at DESC`,
          [user.id, user.allianceId],
        )) as Row[])
      : [];
    const frameworks = await this.frameworks.forFrameworkIds(
      this.db.manager,
      [...waiting, ...returned].map((r) => r.framework_id),
    );
    const item = (row: Row): InboxItem => {
      const framework = frameworks.get(row.framework_id)?.definition;
      const found = framework ? findCompetency(framework, row.competency_code) : null;
      return {
        enrolmentId: row.enrolment_id,
        ccc: { id: row.ccc_id, fullName: row.ccc_name },
        competency: { code: row.competency_code, title: found?.competency.title ?? row.competency_code },
        domainTitle: found?.domain.title ?? '',
        state: row.state,
        since: new Date(row.state_changed_at).toISOString(),
        evidenceCount: Number(row.evidence_count),
        outcome: row.outcome,
        comment: row.comment,
        reviewer: row.reviewer_id ? { id: row.reviewer_id, fullName: row.reviewer_name ?? '' } : null,
        version: row.version,
      };
    };
    return { awaitingReview: waiting.map(item), returned: returned.map(item) };
  }

  /** An evidence file, to anyone who may read the CCC's record. */
  async download(user: AuthUser, fileId: string): Promise<{ file: EvidenceFile; content: Buffer }> {
    const file = await this.db.getRepository(EvidenceFile).findOneBy({ id: fileId });
    if (!file) throw new NotFoundException('Evidence file not found');
    try {
      await this.enrolments.readable(user, file.enrolmentId);
    } catch (error) {
      // Another Alliance's file is as unknown as a missing one; one of this Alliance not the caller's is refused.
      if (error instanceof NotFoundException) throw new NotFoundException('Evidence file not found');
      if (error instanceof ForbiddenException)
        throw new ForbiddenException('You do not have access to this evidence file');
      throw error;
    }
    const row = await this.db
      .getRepository(EvidenceFile)
      .createQueryBuilder('f')
      .select('f.id')
      .addSelect('f.content')
      .where('f.id = :id', { id: fileId })
      .getOneOrFail();
    return { file, content: row.content };
  }
}
