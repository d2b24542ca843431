import { Injectable } from '@nestjs/common';
import { type CompetencyDetailResponse } from '@ccc/contracts';
import { isRatingOnScale, wordingOf } from '@ccc/programme';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import { Conflict, Invalid } from '../common/domain-errors';
import { type AuthUser } from '../common/auth-user';
import { CompetencyContextService } from './competency-context.service';
import { CompetencyReadsService } from './competency-reads.service';
import { CompetencyReview } from './competency-review.entity';
import { CompetencyStepper, isUniqueViolation, STALE } from './competency-step';
import type { ReturnEvidenceDto, SignOffDto, VersionDto, WithdrawSignOffDto } from './dto/competencies.dto';
import { insertedId } from '../common/lookup';

/**
 * A CCC's progress with each competency: the CCC's start and the Alliance supervisor's reviews (sign off, return,
 * withdraw). Each write moves the progress row through `CompetencyStepper` (lock, version read, the programme's
 * transition) and audits in the same transaction; a review is a new row, never an edit. Evidence: EvidenceService.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly context: CompetencyContextService,
    private readonly reads: CompetencyReadsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly stepper: CompetencyStepper,
  ) {}

  /** The CCC starts working towards a competency. */
  async start(user: AuthUser, enrolmentId: string, code: string, dto: VersionDto): Promise<CompetencyDetailResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, 'ccc');
    const { competency } = this.context.competency(ctx, code);
    // The step does the closed-enrolment check and the version guard under the progress row's lock.
    await this.commands.run({
      load: async () => ctx,
      apply: ({ manager }) => this.stepper.step(manager, ctx, competency.code, 'start', dto.version),
      audit: (_, { progress, from }) => ({
        actorId: user.id,
        action: 'competency.started',
        entityType: 'competency_progress',
        entityId: progress.id,
        detail: { enrolmentId, code: competency.code, from, to: progress.state },
      }),
    });
    return this.reads.detailOf(ctx, competency.code);
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
      throw new Invalid([
        {
          field: 'rating',
          reason: `rating must be a level of the scale: ${ctx.framework.scale.map((l) => `${l.value} (${l.label})`).join(', ')}`,
        },
      ]);
    const comment = review.comment.trim();
    await this.commands.run({
      load: async () => ctx,
      apply: async ({ manager, publish }) => {
        const step = await this.stepper.step(manager, ctx, competency.code, event, versionRead, {
          comment,
          reason: comment,
        });
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
          const reviewId = insertedId({ identifiers });
          await publish({
            type: 'competency.reviewed',
            reviewId,
            enrolmentId,
            code: competency.code,
            reviewerId: user.id,
          });
          return { step, reviewId };
        } catch (error) {
          if (isUniqueViolation(error)) throw new Conflict(STALE);
          throw error;
        }
      },
      audit: (_, { step, reviewId }) => ({
        actorId: user.id,
        action: `competency.${review.outcome === 'signed_off' ? 'signed-off' : review.outcome === 'returned' ? 'returned' : 'sign-off-withdrawn'}`,
        entityType: 'competency_progress',
        entityId: step.progress.id,
        detail: {
          enrolmentId,
          code: competency.code,
          reviewId,
          from: step.from,
          to: step.progress.state,
          rating: review.rating,
          comment,
        },
      }),
    });
    return this.reads.detailOf(ctx, competency.code);
  }
}
