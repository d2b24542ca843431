import { Injectable } from '@nestjs/common';
import { plannedSessions, type ProgrammeTemplate, type Track } from '@ccc/programme';
import { type EntityManager, In, IsNull } from 'typeorm';
import { SessionAttendance } from './session-attendance.entity';
import { Session } from './session.entity';

@Injectable()
export class SessionsService {
  /**
   * Creates the sessions the template plans for a new enrolment: its own individual, joint, TNA and handover
   * sessions, and a place in the cohort's shared ones (created by the first CCC who needs them). A fixed number of
   * statements whatever the plan's size.
   */
  async createPlannedSessions(
    manager: EntityManager,
    params: { cohortId: string; enrolmentId: string; template: ProgrammeTemplate; track: Track },
  ): Promise<number> {
    const planned = plannedSessions(params.template, params.track);
    const toRow = (p: (typeof planned)[number], enrolmentId: string | null) => ({
      cohortId: params.cohortId,
      enrolmentId,
      planItemKey: p.planItemKey,
      month: p.month,
      kind: p.kind,
      title: p.title,
      purpose: p.purpose,
      participants: p.participants,
      minMinutes: p.durationMinutes.min,
      maxMinutes: p.durationMinutes.max,
      mode: p.mode,
      sharedByCohort: p.sharedByCohort,
    });
    const own = planned.filter((p) => !p.sharedByCohort);
    const shared = planned.filter((p) => p.sharedByCohort);
    const sessionIds: string[] = [];
    if (own.length > 0) {
      const inserted = await manager.insert(
        Session,
        own.map((p) => toRow(p, params.enrolmentId)),
      );
      sessionIds.push(...inserted.identifiers.map((i) => String(i['id'])));
    }
    if (shared.length > 0) {
      // Another enrolment may create the same cohort session at the same moment: the partial unique index decides.
      await manager
        .createQueryBuilder()
        .insert()
        .into(Session)
        .values(shared.map((p) => toRow(p, null)))
        .orIgnore()
        .execute();
      const existing = await manager.find(Session, {
        select: { id: true },
        where: { cohortId: params.cohortId, enrolmentId: IsNull(), planItemKey: In(shared.map((p) => p.planItemKey)) },
      });
      sessionIds.push(...existing.map((s) => s.id));
    }
    if (sessionIds.length > 0) {
      await manager.insert(
        SessionAttendance,
        sessionIds.map((sessionId) => ({ sessionId, enrolmentId: params.enrolmentId })),
      );
    }
    return sessionIds.length;
  }
}
