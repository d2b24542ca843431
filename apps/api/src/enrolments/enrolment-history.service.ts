import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnrolmentChange, SignedRecords } from '@ccc/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { hasRole } from '../common/auth-user';
import { NotFound } from '../common/domain-errors';
import type { FormerSupervisor } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';

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

/** An enrolment's history of changes, and what a replaced supervisor signed before the change: reads only. */
@Injectable()
export class EnrolmentHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly enrolments: EnrolmentsService,
  ) {}

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
    if (!row || !this.access.inAlliance(user, row.alliance_id)) throw new NotFound('Enrolment not found');
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
