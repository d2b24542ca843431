import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnrolmentChange, EnrolmentSummary, SignedRecords } from '@ccc/contracts';
import {
  type EnrolmentPause,
  londonDate,
  openPause,
  programmeEndsBefore,
  type ResumePreview,
  resumePreview,
} from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { hasRole } from '../common/auth-user';
import { type FieldError, validationFailed } from '../common/errors';
import type {
  ChangeEnrolmentDto,
  EnrolmentVersionDto,
  PauseEnrolmentDto,
  ReopenEnrolmentDto,
  ResumeEnrolmentDto,
} from './dto/change-enrolment.dto';
import type { FormerSupervisor } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { isStillReferenced } from '../database/pg-errors';
import { Clock } from '../common/clock';

const STALE = 'This enrolment was changed since you read it; reload it and try again';
const NO_ALLIANCE = '00000000-0000-0000-0000-000000000000';

interface LockedEnrolment {
  id: string;
  cohort_id: string;
  ccc_id: string;
  pcn_id: string;
  pcn_supervisor_id: string | null;
  alliance_supervisor_id: string | null;
  status: 'active' | 'completed' | 'withdrawn';
  status_reason: string | null;
  version: number;
  alliance_id: string;
  cohort_start: string;
  duration_months: number;
  pauses: EnrolmentPause[];
  former_supervisors: FormerSupervisor[];
}

const CHANGE_ACTIONS = [
  'enrolment.created',
  'enrolment.changed',
  'enrolment.withdrawn',
  'enrolment.reinstated',
  'enrolment.reopened',
  'enrolment.completed',
  'enrolment.paused',
  'enrolment.resumed',
];

/**
 * Correcting an enrolment after it was made (#16, item 4), by the Alliance's administrator: moving the CCC to
 * another PCN, PCN supervisor or Alliance supervisor from a date, reinstating a withdrawn CCC, and deleting an
 * enrolment made in error before anything happened in it. Sessions and release requests name the enrolment and
 * the role, not the person, so bookings and requests follow the change; answer links e-mailed to a supervisor who
 * is no longer the CCC's stop working. The audit trail is the history (GET /api/enrolments/:id/changes).
 */
@Injectable()
export class EnrolmentChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly enrolments: EnrolmentsService,
    private readonly clock: Clock,
  ) {}

  /** The enrolment of the caller's Alliance, locked, at the version read (404 elsewhere, 409 when stale). */
  private async lock(manager: EntityManager, user: AuthUser, id: string, version: number): Promise<LockedEnrolment> {
    const [row] = (await manager.query(
      `SELECT e.id, e.cohort_id, e.ccc_id, e.pcn_id, e.pcn_supervisor_id, e.alliance_supervisor_id, e.status,
              e.status_reason, e.version, c.alliance_id, to_char(c.start_date, 'YYYY-MM-DD') AS cohort_start,
              (t.definition ->> 'durationMonths')::int AS duration_months, e.pauses, e.former_supervisors
         FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN programme_template t ON t.id = c.template_id
        WHERE e.id = $1 AND c.alliance_id = $2 FOR UPDATE OF e`,
      [id, user.allianceId ?? NO_ALLIANCE],
    )) as LockedEnrolment[];
    if (!row) await this.access.refuse(user, 'enrolment', id, 'Enrolment');
    if (row!.version !== version) throw new ConflictException(STALE);
    return row!;
  }

  async change(user: AuthUser, id: string, dto: ChangeEnrolmentDto): Promise<EnrolmentSummary> {
    await this.db.transaction(async (manager) => {
      const row = await this.lock(manager, user, id, dto.version);
      if (row.status !== 'active')
        throw new ConflictException(`This enrolment is ${row.status}; only an active enrolment is moved`);
      const before = {
        pcnId: row.pcn_id,
        pcnSupervisorId: row.pcn_supervisor_id,
        allianceSupervisorId: row.alliance_supervisor_id,
      };
      const after = {
        pcnId: dto.pcnId ?? before.pcnId,
        pcnSupervisorId: dto.pcnSupervisorId === undefined ? before.pcnSupervisorId : dto.pcnSupervisorId,
        allianceSupervisorId:
          dto.allianceSupervisorId === undefined ? before.allianceSupervisorId : dto.allianceSupervisorId,
      };
      const reason = dto.reason.trim();
      const today = londonDate(this.clock.now());
      const errors: FieldError[] = [];
      if (!reason) errors.push({ field: 'reason', reason: 'reason must say why the enrolment changes' });
      if (dto.effectiveFrom > today)
        errors.push({ field: 'effectiveFrom', reason: `effectiveFrom must not be after today (${today})` });
      // Before the cohort starts, a change holds from today; once it has started, from any day since the start.
      else if (dto.effectiveFrom < (row.cohort_start < today ? row.cohort_start : today))
        errors.push({
          field: 'effectiveFrom',
          reason:
            row.cohort_start < today
              ? `effectiveFrom must not be before the cohort starts (${row.cohort_start})`
              : `the cohort has not started: effectiveFrom is today (${today})`,
        });
      const pcnMoves = after.pcnId !== before.pcnId;
      if (pcnMoves) {
        const [pcn] = (await manager.query(
          `SELECT closed_at FROM organisation WHERE id = $1 AND kind = 'pcn' AND parent_id = $2`,
          [after.pcnId, row.alliance_id],
        )) as { closed_at: Date | null }[];
        if (!pcn) errors.push({ field: 'pcnId', reason: "no PCN of this cohort's Alliance has this id" });
        else if (pcn.closed_at)
          errors.push({ field: 'pcnId', reason: 'this PCN is closed and takes no new enrolments' });
        if (dto.pcnSupervisorId === undefined && before.pcnSupervisorId)
          errors.push({
            field: 'pcnSupervisorId',
            reason: 'give the new PCN\u2019s supervisor (or null for none yet) when the CCC moves to another PCN',
          });
      }
      const holds = async (personId: string, role: string, organisationId: string) =>
        (
          (await manager.query(
            `SELECT 1 FROM role_assignment ra JOIN person p ON p.id = ra.person_id
              WHERE ra.person_id = $1 AND ra.role = $2 AND ra.organisation_id = $3 AND p.deactivated_at IS NULL`,
            [personId, role, organisationId],
          )) as unknown[]
        ).length > 0;
      if (
        after.pcnSupervisorId &&
        (after.pcnSupervisorId !== before.pcnSupervisorId || (pcnMoves && dto.pcnSupervisorId !== undefined)) &&
        !(await holds(after.pcnSupervisorId, 'pcn_supervisor', after.pcnId))
      )
        errors.push({ field: 'pcnSupervisorId', reason: 'this person is not a PCN supervisor of that PCN' });
      if (
        after.allianceSupervisorId &&
        after.allianceSupervisorId !== before.allianceSupervisorId &&
        !(await holds(after.allianceSupervisorId, 'alliance_supervisor', row.alliance_id))
      )
        errors.push({
          field: 'allianceSupervisorId',
          reason: "this person is not an Alliance supervisor of the cohort's Alliance",
        });
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
      if (errors.length === 0 && changed.length === 0)
        errors.push({
          field: 'pcnId',
          reason: 'nothing to change: give a new pcnId, pcnSupervisorId or allianceSupervisorId',
        });
      if (errors.length > 0) throw validationFailed(errors);

      // A supervisor replaced keeps read access to what they signed before the change (AccessService).
      const former: FormerSupervisor[] = [...row.former_supervisors];
      const until = dto.effectiveFrom;
      const changedAt = this.clock.now().toISOString();
      if (before.pcnSupervisorId && before.pcnSupervisorId !== after.pcnSupervisorId)
        former.push({ personId: before.pcnSupervisorId, role: 'pcn_supervisor', until, changedAt });
      if (before.allianceSupervisorId && before.allianceSupervisorId !== after.allianceSupervisorId)
        former.push({ personId: before.allianceSupervisorId, role: 'alliance_supervisor', until, changedAt });
      await manager.query(
        `UPDATE enrolment SET pcn_id = $2, pcn_supervisor_id = $3, alliance_supervisor_id = $4,
                former_supervisors = $5::jsonb, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, after.pcnId, after.pcnSupervisorId, after.allianceSupervisorId, JSON.stringify(former)],
      );
      // The CCC is employed by the new PCN: their role there follows (unless they already hold it).
      let cccRoleMoved = false;
      if (pcnMoves) {
        const moved = (await manager.query(
          `UPDATE role_assignment SET organisation_id = $3
            WHERE person_id = $1 AND role = 'ccc' AND organisation_id = $2
              AND NOT EXISTS (SELECT 1 FROM role_assignment x WHERE x.person_id = $1 AND x.role = 'ccc' AND x.organisation_id = $3)
            RETURNING id`,
          [row.ccc_id, before.pcnId, after.pcnId],
        )) as [unknown[], number];
        cccRoleMoved = moved[1] > 0;
      }
      // Answer links e-mailed to a PCN supervisor who is no longer the CCC's stop working: the new one answers.
      let revokedLinks = 0;
      if (before.pcnSupervisorId && before.pcnSupervisorId !== after.pcnSupervisorId) {
        const revoked = (await manager.query(
          `UPDATE action_link SET revoked_at = now()
            WHERE person_id = $1 AND used_at IS NULL AND revoked_at IS NULL
              AND ((purpose = 'release_request' AND target_id IN (SELECT id FROM release_request WHERE enrolment_id = $2))
                OR (purpose = 'session_slot' AND target_id IN (SELECT id FROM session WHERE enrolment_id = $2)))
            RETURNING id`,
          [before.pcnSupervisorId, id],
        )) as [unknown[], number];
        revokedLinks = revoked[1];
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'enrolment.changed',
        entityType: 'enrolment',
        entityId: id,
        detail: {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          effectiveFrom: dto.effectiveFrom,
          reason,
          cccRoleMoved,
          revokedLinks,
        },
      });
    });
    return this.enrolments.get(user, id);
  }

  /** A withdrawn CCC back on the programme: the withdrawal stays in the history; future cohort meetings again. */
  async reinstate(user: AuthUser, id: string, dto: EnrolmentVersionDto): Promise<EnrolmentSummary> {
    return this.backOnProgramme(user, id, dto.version, null, ['withdrawn'], 'enrolment.reinstated');
  }

  /**
   * A completed or withdrawn enrolment made active again, with the reason (#15 item 1): a handover signed too
   * early, a withdrawal by mistake. A completed enrolment's handover signatures are cleared (the audit entry keeps
   * who signed and when), so its three parties sign again when the programme is really done.
   */
  async reopen(user: AuthUser, id: string, dto: ReopenEnrolmentDto): Promise<EnrolmentSummary> {
    return this.backOnProgramme(
      user,
      id,
      dto.version,
      dto.reason.trim(),
      ['completed', 'withdrawn'],
      'enrolment.reopened',
    );
  }

  private async backOnProgramme(
    user: AuthUser,
    id: string,
    version: number,
    reason: string | null,
    from: readonly LockedEnrolment['status'][],
    action: 'enrolment.reinstated' | 'enrolment.reopened',
  ): Promise<EnrolmentSummary> {
    await this.db.transaction(async (manager) => {
      const row = await this.lock(manager, user, id, version);
      if (!from.includes(row.status))
        throw new ConflictException(
          `This enrolment is ${row.status}; only a ${from.join(' or ')} enrolment is ${action === 'enrolment.reopened' ? 'reopened' : 'reinstated'}`,
        );
      const [erased] = (await manager.query(`SELECT 1 FROM enrolment WHERE id = $1 AND erased_at IS NOT NULL`, [
        id,
      ])) as unknown[];
      if (erased) throw new ConflictException("This enrolment's personal data was erased; it cannot be reopened");
      const [other] = (await manager.query(
        `SELECT c.name FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
          WHERE e.ccc_id = $1 AND e.status = 'active' AND e.id <> $2 LIMIT 1`,
        [row.ccc_id, id],
      )) as { name: string }[];
      if (other)
        throw new ConflictException(
          `This CCC is on the programme in cohort \u201c${other.name}\u201d; complete or withdraw that enrolment first`,
        );
      await manager.query(
        `UPDATE enrolment SET status = 'active', status_reason = NULL, status_changed_at = now(),
                status_changed_by_id = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, user.id],
      );
      // A completion came from the handover's third signature: reopened, the record is to be signed again.
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [cleared]: [Record<string, unknown>[], number] =
        row.status === 'completed'
          ? await manager.query(
              `UPDATE handover_interview h
                  SET ccc_signed_at = NULL, ccc_signed_by_id = NULL, pcn_signed_at = NULL, pcn_signed_by_id = NULL,
                      alliance_signed_at = NULL, alliance_signed_by_id = NULL, version = h.version + 1
                 FROM handover_interview old
                WHERE h.id = old.id AND h.enrolment_id = $1
               RETURNING old.ccc_signed_at, old.ccc_signed_by_id, old.pcn_signed_at, old.pcn_signed_by_id,
                         old.alliance_signed_at, old.alliance_signed_by_id`,
              [id],
            )
          : [[], 0];
      // Back on the registers of the cohort's meetings still to come (a withdrawal takes them off).
      const rejoined: { session_id: string }[] = await manager.query(
        `INSERT INTO session_attendance (session_id, enrolment_id)
         SELECT s.id, $1 FROM session s
          WHERE s.cohort_id = $2 AND s.shared_by_cohort
            AND (s.status = 'planned' OR (s.status = 'scheduled' AND s.starts_at > now()))
            AND NOT EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id AND a.enrolment_id = $1)
         RETURNING session_id`,
        [id, row.cohort_id],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action,
        entityType: 'enrolment',
        entityId: id,
        detail: {
          ...(reason ? { reason } : {}),
          before: { status: row.status, statusReason: row.status_reason },
          after: { status: 'active', statusReason: null },
          rejoinedSessionIds: rejoined.map((r) => r.session_id),
          ...(cleared.length ? { handoverSignaturesCleared: cleared[0] } : {}),
        },
      });
    });
    return this.enrolments.get(user, id);
  }

  /**
   * An enrolment made in error, deleted while nothing has happened in it: its own sessions all still planned and
   * unbooked, and nothing else recorded against it (any row that refers to it refuses the delete: 409). It then
   * leaves no trace in reports (no "withdrawn"); the audit entry keeps what was deleted.
   */
  async remove(user: AuthUser, id: string, dto: EnrolmentVersionDto): Promise<void> {
    const activity =
      'Something has already happened in this enrolment (a session booked or held, or a record kept); withdraw it instead';
    try {
      await this.db.transaction(async (manager) => {
        const row = await this.lock(manager, user, id, dto.version);
        const [booked] = (await manager.query(
          `SELECT count(*)::int AS n FROM session s
            WHERE (s.enrolment_id = $1 AND (s.status <> 'planned' OR s.starts_at IS NOT NULL))
               OR EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id AND a.enrolment_id = $1
                           AND a.attendance <> 'expected')`,
          [id],
        )) as { n: number }[];
        if (booked!.n > 0) throw new ConflictException(activity);
        await manager.query('DELETE FROM session_attendance WHERE enrolment_id = $1', [id]);
        await manager.query('DELETE FROM session WHERE enrolment_id = $1', [id]);
        await manager.query('DELETE FROM enrolment WHERE id = $1', [id]);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'enrolment.deleted',
          entityType: 'enrolment',
          entityId: id,
          detail: {
            before: {
              cohortId: row.cohort_id,
              cccId: row.ccc_id,
              pcnId: row.pcn_id,
              pcnSupervisorId: row.pcn_supervisor_id,
              allianceSupervisorId: row.alliance_supervisor_id,
              status: row.status,
            },
            after: null,
          },
        });
      });
    } catch (error) {
      if (isStillReferenced(error)) throw new ConflictException(activity);
      throw error;
    }
  }

  /**
   * Pauses an active enrolment from a date (leave, sickness): while paused no session is booked and no study time
   * logged for the CCC, and the paused weeks count against no one. 409 for an enrolment not active or already
   * paused.
   */
  async pause(user: AuthUser, id: string, dto: PauseEnrolmentDto): Promise<EnrolmentSummary> {
    await this.db.transaction(async (manager) => {
      const row = await this.lock(manager, user, id, dto.version);
      if (row.status !== 'active')
        throw new ConflictException(`This enrolment is ${row.status}; only an active enrolment is paused`);
      const open = openPause(row.pauses);
      if (open) throw new ConflictException(`This enrolment is already paused from ${open.from}; resume it first`);
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
      if (errors.length > 0) throw validationFailed(errors);
      const pause: EnrolmentPause = { from: dto.from, until: null, reason, shiftedMonths: 0 };
      await manager.query(
        `UPDATE enrolment SET pauses = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, JSON.stringify([...row.pauses, pause])],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'enrolment.paused',
        entityType: 'enrolment',
        entityId: id,
        detail: { before: { pausedFrom: null }, after: { pausedFrom: dto.from }, effectiveFrom: dto.from, reason },
      });
    });
    return this.enrolments.get(user, id);
  }

  /** What resuming from this date would move, without changing anything (the administrator sees it first). */
  async previewResume(user: AuthUser, id: string, dto: ResumeEnrolmentDto): Promise<ResumePreview> {
    return this.db.transaction(async (manager) => (await this.planResume(manager, user, id, dto)).preview);
  }

  /** Resumes a paused enrolment from a date; with `shift`, the CCC's unbooked sessions move as the preview says. */
  async resume(user: AuthUser, id: string, dto: ResumeEnrolmentDto): Promise<EnrolmentSummary> {
    await this.db.transaction(async (manager) => {
      const { row, open, preview } = await this.planResume(manager, user, id, dto);
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
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'enrolment.resumed',
        entityType: 'enrolment',
        entityId: id,
        detail: {
          before: { pausedFrom: open.from },
          after: { pausedFrom: null, shiftedMonths: preview.shiftMonths },
          effectiveFrom: dto.from,
          reason: open.reason,
          shift: dto.shift,
          movedSessions: moved.map((s) => ({ id: s.id, fromMonth: s.from.month, toMonth: s.to.month })),
        },
      });
    });
    return this.enrolments.get(user, id);
  }

  /** The locked enrolment, its open pause and what resuming on dto.from moves (400/409 as for the resume). */
  private async planResume(manager: EntityManager, user: AuthUser, id: string, dto: ResumeEnrolmentDto) {
    const row = await this.lock(manager, user, id, dto.version);
    const open = openPause(row.pauses);
    if (!open)
      throw new ConflictException(
        row.status === 'active' ? 'This enrolment is not paused' : `This enrolment is ${row.status}, not paused`,
      );
    const today = londonDate(this.clock.now());
    if (dto.from <= open.from)
      throw validationFailed([
        { field: 'from', reason: `from must be after the pause began (${open.from}): the first day back` },
      ]);
    if (dto.from > today)
      throw validationFailed([{ field: 'from', reason: `from must not be after today (${today})` }]);
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

  /**
   * For a supervisor replaced on this enrolment: what they signed for it before the change (competency reviews,
   * sessions they recorded, release decisions), read-only. Anyone else of the Alliance: 403; elsewhere 404.
   */
  async signedRecords(user: AuthUser, id: string): Promise<SignedRecords> {
    const [row] = (await this.db.query(
      `SELECT e.id, e.former_supervisors, c.alliance_id, p.id AS ccc_id, p.full_name AS ccc_name
         FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN person p ON p.id = e.ccc_id
        WHERE e.id = $1`,
      [id],
    )) as {
      id: string;
      former_supervisors: FormerSupervisor[];
      alliance_id: string;
      ccc_id: string;
      ccc_name: string;
    }[];
    if (!row || !this.access.inAlliance(user, row.alliance_id)) throw new NotFoundException('Enrolment not found');
    const former = this.access.formerSupervisorUntil(user, {
      formerSupervisors: row.former_supervisors,
      allianceId: row.alliance_id,
    });
    if (!former) return this.access.refuse(user, 'enrolment', id, 'Enrolment');
    // Signed while they were the supervisor: before the change was made.
    const before = '$3::timestamptz';
    const [signOffs, sessions, decisions] = (await Promise.all([
      this.db.query(
        `SELECT p.competency_code, r.outcome, r.rating, r.comment, r.created_at
           FROM competency_review r JOIN competency_progress p ON p.id = r.progress_id
          WHERE p.enrolment_id = $1 AND r.reviewer_id = $2 AND r.created_at < ${before}
          ORDER BY r.created_at`,
        [id, user.id, former.changedAt],
      ),
      this.db.query(
        `SELECT s.id, s.title, s.month, s.starts_at, s.recorded_at
           FROM session s JOIN session_attendance a ON a.session_id = s.id AND a.enrolment_id = $1
          WHERE s.recorded_by_id = $2 AND s.recorded_at < ${before}
          ORDER BY s.recorded_at`,
        [id, user.id, former.changedAt],
      ),
      this.db.query(
        `SELECT r.id, to_char(r.date, 'YYYY-MM-DD') AS date, r.minutes, r.status, r.decided_at
           FROM release_request r
          WHERE r.enrolment_id = $1 AND r.decided_by_id = $2 AND r.decided_at < ${before}
          ORDER BY r.decided_at`,
        [id, user.id, former.changedAt],
      ),
    ])) as [
      { competency_code: string; outcome: string; rating: number | null; comment: string; created_at: Date }[],
      { id: string; title: string; month: number; starts_at: Date | null; recorded_at: Date }[],
      { id: string; date: string; minutes: number; status: string; decided_at: Date }[],
    ];
    return {
      enrolmentId: id,
      ccc: { id: row.ccc_id, fullName: row.ccc_name },
      until: former.until,
      role: former.role,
      signOffs: signOffs.map((r) => ({
        competencyCode: r.competency_code,
        outcome: r.outcome,
        rating: r.rating,
        comment: r.comment,
        at: new Date(r.created_at).toISOString(),
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        month: s.month,
        startsAt: s.starts_at ? new Date(s.starts_at).toISOString() : null,
        recordedAt: new Date(s.recorded_at).toISOString(),
      })),
      releaseDecisions: decisions.map((d) => ({
        id: d.id,
        date: d.date,
        minutes: d.minutes,
        status: d.status,
        decidedAt: new Date(d.decided_at).toISOString(),
      })),
    };
  }

  /** The enrolment's history from the audit trail: made, moved, withdrawn, reinstated. Whoever may read it. */
  async history(user: AuthUser, id: string): Promise<EnrolmentChange[]> {
    await this.enrolments.get(user, id);
    const rows: {
      action: string;
      at: Date;
      actor_id: string | null;
      full_name: string | null;
      detail: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT a.action, a.at, p.id AS actor_id, p.full_name, a.detail
         FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
        WHERE a.entity_type = 'enrolment' AND a.entity_id = $1 AND a.action = ANY($2)
        ORDER BY a.at, a.chain_seq`,
      [id, CHANGE_ACTIONS],
    );
    // Names for the ids the changes mention, in one query.
    const ids = new Set<string>();
    for (const row of rows)
      for (const side of ['before', 'after'])
        for (const v of Object.values((row.detail[side] as Record<string, unknown> | undefined) ?? {}))
          if (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v)) ids.add(v);
    const names = new Map<string, string>(
      (
        (await this.db.query(
          `SELECT id, full_name AS name FROM person WHERE id = ANY($1::uuid[])
           UNION ALL SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
          [[...ids]],
        )) as { id: string; name: string }[]
      ).map((r) => [r.id, r.name]),
    );
    const label = (v: unknown) => (v === null || v === undefined ? null : (names.get(String(v)) ?? String(v)));
    return rows.map((row) => {
      const before = (row.detail['before'] as Record<string, unknown> | undefined) ?? {};
      const after = (row.detail['after'] as Record<string, unknown> | undefined) ?? {};
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      return {
        action: row.action,
        at: new Date(row.at).toISOString(),
        by: row.actor_id && hasRole(user, 'admin') ? { id: row.actor_id, fullName: row.full_name ?? '' } : null,
        effectiveFrom: (row.detail['effectiveFrom'] as string | undefined) ?? null,
        reason: (row.detail['reason'] as string | undefined) ?? null,
        changes: fields.map((field) => ({ field, from: label(before[field]), to: label(after[field]) })),
      };
    });
  }
}
