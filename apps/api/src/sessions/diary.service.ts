import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SessionAttendance } from './session-attendance.entity';
import { Session } from './session.entity';

/**
 * A person's diary: the booked sessions they take part in, as a CCC attending, as the Alliance supervisor who
 * leads or supervises them, or as the PCN supervisor of a joint session. Read by the agenda and the calendar feed.
 */
@Injectable()
export class DiaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async sessionsOf(personId: string, range?: { from: Date; to: Date }): Promise<Session[]> {
    const qb = this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.cohort', 'cohort')
      .where('s.starts_at IS NOT NULL')
      .andWhere(`s.status <> 'planned'`)
      .andWhere(
        `(s.lead_id = :personId OR EXISTS (
            SELECT 1 FROM session_attendance a JOIN enrolment e ON e.id = a.enrolment_id
             WHERE a.session_id = s.id
               AND (e.ccc_id = :personId
                    OR (s.participants ? 'pcn_supervisor' AND e.pcn_supervisor_id = :personId)
                    OR (NOT s.shared_by_cohort AND e.alliance_supervisor_id = :personId))))`,
        { personId },
      )
      .orderBy('s.starts_at', 'ASC');
    if (range) qb.andWhere('s.starts_at >= :from AND s.starts_at < :to', range);
    return qb.getMany();
  }

  /** The register of many sessions at once, with each CCC: one query for a whole agenda. */
  async registers(sessionIds: string[]): Promise<Map<string, SessionAttendance[]>> {
    const rows = sessionIds.length
      ? await this.db.getRepository(SessionAttendance).find({
          where: { sessionId: In(sessionIds) },
          relations: { enrolment: { ccc: true } },
        })
      : [];
    const bySession = new Map<string, SessionAttendance[]>();
    for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    return bySession;
  }
}
