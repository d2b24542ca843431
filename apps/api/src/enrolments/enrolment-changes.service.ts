import { Injectable } from '@nestjs/common';
import type { EnrolmentSummary } from '@ccc/contracts';
import { londonDate } from '@ccc/programme';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Closed, Conflict, type FieldError, Invalid } from '../common/domain-errors';
import { oneRow } from '../common/one-row';
import { isStillReferenced } from '../database/pg-errors';
import type { ChangeEnrolmentDto, EnrolmentVersionDto, ReopenEnrolmentDto } from './dto/change-enrolment.dto';
import type { FormerSupervisor } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { enrolmentChange, type LockedEnrolment } from './locked-enrolment';

/**
 * Correcting an enrolment after it was made (#16, item 4), by the Alliance's administrator: moving the CCC to
 * another PCN, PCN supervisor or Alliance supervisor from a date, reinstating a withdrawn CCC, and deleting an
 * enrolment made in error before anything happened in it. Sessions and release requests name the enrolment and
 * the role, not the person, so bookings and requests follow the change; answer links e-mailed to a supervisor who
 * is no longer the CCC's stop working. The audit trail is the history (enrolment-history.service.ts). Pauses: enrolment-pauses.service.ts.
 */
@Injectable()
export class EnrolmentChangesService {
  constructor(
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly enrolments: EnrolmentsService,
    private readonly clock: Clock,
  ) {}

  async change(user: AuthUser, id: string, dto: ChangeEnrolmentDto): Promise<EnrolmentSummary> {
    await this.commands.run({
      ...enrolmentChange(this.access, user, id, dto.version),
      apply: async ({ manager }, row) => {
        if (row.status !== 'active')
          throw new Closed(`This enrolment is ${row.status}; only an active enrolment is moved`);
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
        if (errors.length > 0) throw new Invalid(errors);

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
        return {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          effectiveFrom: dto.effectiveFrom,
          reason,
          cccRoleMoved,
          revokedLinks,
        };
      },
      audit: (_, detail) => ({
        actorId: user.id,
        action: 'enrolment.changed',
        entityType: 'enrolment',
        entityId: id,
        detail,
      }),
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
    await this.commands.run({
      ...enrolmentChange(this.access, user, id, version),
      apply: async ({ manager }, row) => {
        if (!from.includes(row.status))
          throw new Conflict(
            `This enrolment is ${row.status}; only a ${from.join(' or ')} enrolment is ${action === 'enrolment.reopened' ? 'reopened' : 'reinstated'}`,
          );
        const [erased] = (await manager.query(`SELECT 1 FROM enrolment WHERE id = $1 AND erased_at IS NOT NULL`, [
          id,
        ])) as unknown[];
        if (erased) throw new Conflict("This enrolment's personal data was erased; it cannot be reopened");
        const [other] = (await manager.query(
          `SELECT c.name FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
          WHERE e.ccc_id = $1 AND e.status = 'active' AND e.id <> $2 LIMIT 1`,
          [row.ccc_id, id],
        )) as { name: string }[];
        if (other)
          throw new Conflict(
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
        return { rejoined, cleared };
      },
      audit: (row, { rejoined, cleared }) => ({
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
      }),
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
      await this.commands.run({
        ...enrolmentChange(this.access, user, id, dto.version),
        apply: async ({ manager }) => {
          const booked = oneRow(
            (await manager.query(
              `SELECT count(*)::int AS n FROM session s
            WHERE (s.enrolment_id = $1 AND (s.status <> 'planned' OR s.starts_at IS NOT NULL))
               OR EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id AND a.enrolment_id = $1
                           AND a.attendance <> 'expected')`,
              [id],
            )) as { n: number }[],
          );
          if (booked.n > 0) throw new Conflict(activity);
          await manager.query('DELETE FROM session_attendance WHERE enrolment_id = $1', [id]);
          await manager.query('DELETE FROM session WHERE enrolment_id = $1', [id]);
          await manager.query('DELETE FROM enrolment WHERE id = $1', [id]);
        },
        audit: (row) => ({
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
        }),
      });
    } catch (error) {
      if (isStillReferenced(error)) throw new Conflict(activity);
      throw error;
    }
  }
}
