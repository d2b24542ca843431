import { refuseIfClosed } from '../enrolments/enrolment-lock';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CompetencyDetailResponse, draftKeys } from '@ccc/contracts';
import {
  type CompetencyEvent,
  type CompetencyState,
  competencyTransition,
  type CompetencyTransitionInput,
  evidenceRemoval,
  isRatingOnScale,
  stateAfterEvidenceRemoved,
  wordingOf,
} from '@ccc/programme';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { clearDraft } from '../drafts/drafts.service';
import { AccessService } from '../access/access.service';
import { type CompetencyContext, CompetencyContextService } from './competency-context.service';
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
import { notifyEvidenceArrived } from './notify';
import { checkEvidenceFile, storeEvidenceFile, type UploadedFile } from './uploads';
import { Clock } from '../common/clock';
import { CompetencyReadsService } from './competency-reads.service';

const UNIQUE_VIOLATION = '23505';

const STALE = 'This competency was changed since you read it; reload it and try again';

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
    private readonly reads: CompetencyReadsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

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
    return this.reads.detailOf(ctx, competency.code);
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
    return this.reads.detailOf(ctx, competency.code);
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
    return this.reads.detailOf(ctx, competency.code);
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
    return this.reads.detailOf(ctx, competency.code);
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
    return this.reads.detailOf(ctx, competency.code);
  }
}
