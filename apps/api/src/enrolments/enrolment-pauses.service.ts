import { Injectable } from '@nestjs/common';
import type { EnrolmentSummary } from '@ccc/contracts';
import {
  type EnrolmentPause,
  londonDate,
  openPause,
  programmeEndsBefore,
  type ResumePreview,
  resumePreview,
} from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Closed, Conflict, type FieldError, Invalid } from '../common/domain-errors';
import type { PauseEnrolmentDto, ResumeEnrolmentDto } from './dto/change-enrolment.dto';
import { EnrolmentsService } from './enrolments.service';
import { enrolmentChange, type LockedEnrolment } from './locked-enrolment';
import { Clock } from '../common/clock';

/** Pausing an enrolment (leave, sickness) and resuming it, by the Alliance's administrator (#16 item 4). */
@Injectable()
export class EnrolmentPausesService {
  constructor(
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly enrolments: EnrolmentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Pauses an active enrolment from a date (leave, sickness): while paused no session is booked and no study time
   * logged for the CCC, and the paused weeks count against no one. 409 for an enrolment not active or already
   * paused.
   */
  async pause(user: AuthUser, id: string, dto: PauseEnrolmentDto): Promise<EnrolmentSummary> {
    await this.commands.run({
      ...enrolmentChange(this.access, user, id, dto.version),
      apply: async ({ manager }, row) => {
        if (row.status !== 'active')
          throw new Closed(`This enrolment is ${row.status}; only an active enrolment is paused`);
        const open = openPause(row.pauses);
        if (open) throw new Conflict(`This enrolment is already paused from ${open.from}; resume it first`);
        const reason = dto.reason.trim();
        const today = londonDate(this.clock.now());
        const lastBack = row.pauses.at(-1)?.until ?? null;
        const earliest = lastBack && lastBack > row.cohort_start ? lastBack : row.cohort_start;
        const endsBefore = programmeEndsBefore(row.cohort_start, row.duration_months);
        const errors: FieldError[] = [];
        if (!reason) errors.push({ field: 'reason', reason: 'reason must say why the enrolment is paused' });
        if (dto.from > today) errors.push({ field: 'from', reason: `from must not be after today (${today})` });
        else if (dto.from < earliest)
          errors.push({
            field: 'from',
            reason:
              earliest === row.cohort_start
                ? `from must not be before the cohort starts (${row.cohort_start})`
                : `from must not be before the CCC came back from the last pause (${earliest})`,
          });
        else if (dto.from >= endsBefore)
          errors.push({ field: 'from', reason: `from must be within the programme (before ${endsBefore})` });
        if (errors.length > 0) throw new Invalid(errors);
        const pause: EnrolmentPause = { from: dto.from, until: null, reason, shiftedMonths: 0 };
        await manager.query(
          `UPDATE enrolment SET pauses = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, JSON.stringify([...row.pauses, pause])],
        );
        return reason;
      },
      audit: (_, reason) => ({
        actorId: user.id,
        action: 'enrolment.paused',
        entityType: 'enrolment',
        entityId: id,
        detail: { before: { pausedFrom: null }, after: { pausedFrom: dto.from }, effectiveFrom: dto.from, reason },
      }),
    });
    return this.enrolments.get(user, id);
  }

  /** What resuming from this date would move, without changing anything (the administrator sees it first). */
  async previewResume(user: AuthUser, id: string, dto: ResumeEnrolmentDto): Promise<ResumePreview> {
    // Nothing is written, but the plan reads the enrolment locked, as the resume itself would.
    return this.commands.run({
      ...enrolmentChange(this.access, user, id, dto.version),
      apply: async ({ manager }, row) => (await this.planResume(manager, row, dto)).preview,
    });
  }

  /** Resumes a paused enrolment from a date; with `shift`, the CCC's unbooked sessions move as the preview says. */
  async resume(user: AuthUser, id: string, dto: ResumeEnrolmentDto): Promise<EnrolmentSummary> {
    await this.commands.run({
      ...enrolmentChange(this.access, user, id, dto.version),
      apply: async ({ manager }, locked) => {
        const { row, open, preview } = await this.planResume(manager, locked, dto);
        const moved = preview.sessions.filter((s) => s.moves);
        if (moved.length > 0)
          await manager.query(
            `UPDATE session s SET month = m.month, version = s.version + 1, updated_at = now()
             FROM jsonb_to_recordset($2::jsonb) AS m(id uuid, month int)
            WHERE s.id = m.id AND s.enrolment_id = $1`,
            [id, JSON.stringify(moved.map((s) => ({ id: s.id, month: s.to.month })))],
          );
        const pauses = row.pauses.map((p) =>
          p === open ? { ...p, until: dto.from, shiftedMonths: preview.shiftMonths } : p,
        );
        await manager.query(
          `UPDATE enrolment SET pauses = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, JSON.stringify(pauses)],
        );
        return {
          before: { pausedFrom: open.from },
          after: { pausedFrom: null, shiftedMonths: preview.shiftMonths },
          effectiveFrom: dto.from,
          reason: open.reason,
          shift: dto.shift,
          movedSessions: moved.map((s) => ({ id: s.id, fromMonth: s.from.month, toMonth: s.to.month })),
        };
      },
      audit: (_, detail) => ({
        actorId: user.id,
        action: 'enrolment.resumed',
        entityType: 'enrolment',
        entityId: id,
        detail,
      }),
    });
    return this.enrolments.get(user, id);
  }

  /** The locked enrolment, its open pause and what resuming on dto.from moves (400/409 as for the resume). */
  private async planResume(manager: EntityManager, row: LockedEnrolment, dto: ResumeEnrolmentDto) {
    const id = row.id;
    const open = openPause(row.pauses);
    if (!open)
      throw new Conflict(
        row.status === 'active' ? 'This enrolment is not paused' : `This enrolment is ${row.status}, not paused`,
      );
    const today = londonDate(this.clock.now());
    if (dto.from <= open.from)
      throw new Invalid({
        field: 'from',
        reason: `from must be after the pause began (${open.from}): the first day back`,
      });
    if (dto.from > today) throw new Invalid({ field: 'from', reason: `from must not be after today (${today})` });
    const sessions = (await manager.query(
      `SELECT id, title, month, status, starts_at AS "startsAt", shared_by_cohort AS "sharedByCohort"
         FROM session WHERE enrolment_id = $1 AND status <> 'cancelled'`,
      [id],
    )) as {
      id: string;
      title: string;
      month: number;
      status: string;
      startsAt: Date | null;
      sharedByCohort: boolean;
    }[];
    const preview = resumePreview({
      cohortStart: row.cohort_start,
      pausedFrom: open.from,
      resumedFrom: dto.from,
      shift: dto.shift,
      sessions,
    });
    return { row, open, preview };
  }
}
