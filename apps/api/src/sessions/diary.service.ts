import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Loaded } from '../common/loaded';
import type { RegisterRow } from './session-loader';
import { SessionAttendance } from './session-attendance.entity';
import { Session } from './session.entity';

/** A booked session of a diary, with its cohort. */
export type DiarySession = Loaded<Session, 'cohort'> & { startsAt: Date };

/**
 * A person's diary: the booked sessions they take part in, as a CCC attending, as the Alliance supervisor who
 * leads or supervises them, or as the PCN supervisor of a joint session. Read by the agenda and the calendar feed.
 */
@Injectable()
export class DiaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async sessionsOf(personId: string, range?: { from: Date; to: Date }): Promise<DiarySession[]> {
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
    // Joined and filtered in the query: the cohort is there and every session has its time.
    return (await qb.getMany()) as DiarySession[];
  }

  /** The register of many sessions at once, with each CCC: one query for a whole agenda. */
  async registers(sessionIds: string[]): Promise<Map<string, RegisterRow[]>> {
    const rows = sessionIds.length
      ? // Joined in the query: each row's enrolment and its CCC are there.
        ((await this.db.getRepository(SessionAttendance).find({
          where: { sessionId: In(sessionIds) },
          relations: { enrolment: { ccc: true } },
        })) as RegisterRow[])
      : [];
    const bySession = new Map<string, RegisterRow[]>();
    for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    return bySession;
  }
}
