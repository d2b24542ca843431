import { Injectable } from '@nestjs/common';
import type { AgendaItem } from '@ccc/contracts';
import { displayStatus, isIsoDate, monthBounds, PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { DiaryService } from './diary.service';
import { Clock } from '../common/clock';

@Injectable()
export class AgendaService {
  constructor(
    private readonly diary: DiaryService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The caller's sessions from `from` (a London date) for `days` days: two queries. */
  async agenda(user: AuthUser, from: string, days: number): Promise<AgendaItem[]> {
    if (!isIsoDate(from)) throw validationFailed([{ field: 'from', reason: 'from is not a real calendar date' }]);
    const [y, m, d] = from.split('-').map(Number) as [number, number, number];
    const start = new TZDate(y, m - 1, d, PROGRAMME_TIME_ZONE);
    const sessions = await this.diary.sessionsOf(user.id, {
      from: new Date(start.getTime()),
      to: new Date(addDays(start, days).getTime()),
    });
    const registers = await this.diary.registers(sessions.map((s) => s.id));
    const now = this.clock.now();
    return sessions.map((s) => {
      const register = registers.get(s.id) ?? [];
      const attendees = register.map((a) => ({
        row: a,
        who: {
          cccId: a.enrolment.cccId,
          pcnId: a.enrolment.pcnId,
          pcnSupervisorId: a.enrolment.pcnSupervisorId,
          allianceSupervisorId: a.enrolment.allianceSupervisorId,
        },
      }));
      const actor =
        this.access.sessionActor(user, {
          allianceId: s.cohort.allianceId,
          participants: s.participants,
          sharedByCohort: s.sharedByCohort,
          leadId: s.leadId,
          cohortSupervisorIds: [],
          attendees: attendees.map((a) => a.who),
        }) ?? 'ccc';
      const bounds = monthBounds(s.cohort.startDate, s.month);
      return {
        id: s.id,
        title: s.title,
        kind: s.kind,
        status: displayStatus({ ...s, monthEndsBefore: bounds.endsBefore }, now),
        startsAt: s.startsAt.toISOString(),
        durationMinutes: s.durationMinutes!,
        mode: s.mode,
        meetingLink: s.meetingLink,
        place: s.place,
        sharedByCohort: s.sharedByCohort,
        cccs: attendees
          .filter((a) => this.access.visibleAttendee(user, actor, a.who))
          .map((a) => ({ id: a.row.enrolment.ccc.id, fullName: a.row.enrolment.ccc.fullName })),
        enrolmentId: s.enrolmentId,
      };
    });
  }
}
