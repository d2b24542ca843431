import { Injectable } from '@nestjs/common';
import { Forbidden, NotFound } from '../common/domain-errors';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CompetencyDetailResponse,
  type CompetencyGridResponse,
  type CompetencyProgressView,
  type EvidenceView,
  type InboxItem,
  type ReviewView,
  type SignOffInboxResponse,
} from '@ccc/contracts';
import {
  type Competency,
  COMPETENCY_STATES,
  competencyActions,
  type CompetencyFramework,
  type CompetencyState,
  type CompetencyWording,
  evidenceRemoval,
  findCompetency,
  wordingOf,
  wordingShown,
} from '@ccc/programme';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type AuthUser, hasRole } from '../common/auth-user';
import { groupBy } from '../common/group-by';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { Person } from '../people/person.entity';
import { personRef } from '../sessions/session-view';
import { type CompetencyContext, CompetencyContextService, frameworkRef } from './competency-context.service';
import { CompetencyEvidence } from './competency-evidence.entity';
import { CompetencyReview } from './competency-review.entity';
import { CompetencyProgress } from './competency-progress.entity';
import { EvidenceFile } from './evidence-file.entity';
import { FrameworksService } from './frameworks.service';
import { toFileView } from './uploads';

/** People by id, for many rows at once: one query. */
export async function peopleById(
  manager: EntityManager,
  ids: (string | null | undefined)[],
): Promise<Map<string, Person>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const people = await manager.find(Person, { where: { id: In(unique) } });
  return new Map(people.map((p) => [p.id, p]));
}

export function toReviewView(
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

export function toProgressView(
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
 * The read side of competency progress: the grid, one competency's evidence and reviews, the Alliance
 * supervisor's sign-off inbox and evidence files, each in a fixed number of queries.
 */
@Injectable()
export class CompetencyReadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CompetencyContextService,
    private readonly frameworks: FrameworksService,
    private readonly enrolments: EnrolmentsService,
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
      ccc: { id: ctx.enrolment.ccc.id, fullName: ctx.enrolment.ccc.fullName },
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

  /** One competency as the detail page shows it (also the answer of every step). */
  async detailOf(ctx: CompetencyContext, code: string): Promise<CompetencyDetailResponse> {
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
          // Evidence hangs on a progress row: there is none to remove without one.
          progress !== null &&
          evidenceRemoval(
            e,
            progress.state,
            reviews.map((r) => r.createdAt),
          ).ok,
      })),
      reviews: reviewViews,
    };
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
    if (!file) throw new NotFound('Evidence file not found');
    try {
      await this.enrolments.readable(user, file.enrolmentId);
    } catch (error) {
      // Another Alliance's file is as unknown as a missing one; one of this Alliance not the caller's is refused.
      if (error instanceof NotFound) throw new NotFound('Evidence file not found');
      if (error instanceof Forbidden) throw new Forbidden('You do not have access to this evidence file');
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
