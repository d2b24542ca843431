import { Injectable } from '@nestjs/common';
import { type CompetencyDetailResponse } from '@ccc/contracts';
import { competencyTransition, evidenceRemoval, stateAfterEvidenceRemoved } from '@ccc/programme';
import { AccessService } from '../access/access.service';
import { type AuditRecord } from '../audit/audit.service';
import { type CommandContext, Commands } from '../common/command';
import { Conflict, Invalid, NotFound } from '../common/domain-errors';
import { refuseIfClosed } from '../enrolments/enrolment-lock';
import { type AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { type CompetencyContext, CompetencyContextService } from './competency-context.service';
import { CompetencyEvidence } from './competency-evidence.entity';
import { CompetencyProgress } from './competency-progress.entity';
import { CompetencyReadsService } from './competency-reads.service';
import { CompetencyReview } from './competency-review.entity';
import { CompetencyStepper } from './competency-step';
import type { SubmitEvidenceDto } from './dto/competencies.dto';
import { EvidenceFile } from './evidence-file.entity';
import { checkEvidenceFile, storeEvidenceFile, type UploadedFile } from './uploads';

/**
 * The CCC's evidence for a competency: a reflection, a link or a file added (each an addition, never an edit), and
 * evidence no reviewer has decided on taken back. Each write moves the progress row through `CompetencyStepper`
 * and audits in the same transaction.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly context: CompetencyContextService,
    private readonly reads: CompetencyReadsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly stepper: CompetencyStepper,
    private readonly clock: Clock,
  ) {}

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
      throw new Invalid({ field: 'text', reason: 'text must be a reflection of at least 10 characters' });
    await this.commands.run({
      load: async () => ctx,
      apply: (command) =>
        this.addEvidence(command, user, ctx, competency.code, competency.title, {
          kind: dto.kind,
          text,
          url: dto.kind === 'link' ? (dto.url ?? '').trim() : null, // the DTO requires it for a link
          fileId: null,
        }),
      audit: (_, entry) => entry,
    });
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
    await this.commands.run({
      // The state is checked before the file is written, so that a refused step stores nothing.
      load: ({ manager }) =>
        manager.findOne(CompetencyProgress, { where: { enrolmentId, competencyCode: competency.code } }),
      enrolments: () => [enrolmentId],
      apply: async (command, current) => {
        const { manager } = command;
        const allowed = competencyTransition(current?.state ?? 'not_started', 'submit_evidence');
        if (!allowed.ok) throw new Conflict(allowed.reason);
        const stored = await storeEvidenceFile(manager, file, type.contentType, type.extension, enrolmentId, user.id);
        return this.addEvidence(command, user, ctx, competency.code, competency.title, {
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
      },
      audit: (_, entry) => entry,
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
    await this.commands.run({
      load: async ({ manager }) => {
        // Closed before unknown, as every write of a completed or withdrawn enrolment answers.
        await refuseIfClosed(manager, [enrolmentId]);
        const progress = await manager.findOne(CompetencyProgress, {
          where: { enrolmentId, competencyCode: competency.code },
          lock: { mode: 'pessimistic_write' },
        });
        const evidence = progress
          ? await manager.findOne(CompetencyEvidence, { where: { id: evidenceId, progressId: progress.id } })
          : null;
        if (!progress || !evidence) throw new NotFound('Evidence not found');
        return { progress, evidence };
      },
      apply: async ({ manager }, { progress, evidence }) => {
        const reviews = await manager.find(CompetencyReview, { where: { progressId: progress.id } });
        const allowed = evidenceRemoval(
          evidence,
          progress.state,
          reviews.map((r) => r.createdAt),
        );
        if (!allowed.ok) throw new Conflict(allowed.reason);
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
        return { to, file };
      },
      audit: ({ progress, evidence }, { to, file }) => ({
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
      }),
    });
    return this.reads.detailOf(ctx, competency.code);
  }

  private async addEvidence(
    { manager, publish }: CommandContext,
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
  ): Promise<AuditRecord> {
    const { progress, from, entered } = await this.stepper.step(manager, ctx, code, 'submit_evidence', null);
    const { identifiers } = await manager.insert(CompetencyEvidence, {
      progressId: progress.id,
      kind: evidence.kind,
      text: evidence.text,
      url: evidence.url,
      fileId: evidence.fileId,
      submittedById: user.id,
    });
    const evidenceId = identifiers[0]!['id'] as string;
    const entry: AuditRecord = {
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
    };
    // Drafts drop the CCC's draft; notifications tell the reviewer when the competency starts waiting for them.
    await publish({
      type: 'evidence.submitted',
      evidenceId,
      enrolmentId: ctx.enrolment.id,
      code,
      competencyTitle: title,
      submittedById: user.id,
      cccName: ctx.enrolment.ccc?.fullName ?? 'A CCC',
      reviewerId: ctx.enrolment.allianceSupervisorId ?? null,
      startedWaiting: entered,
    });
    return entry;
  }
}
