import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortGroupSession, CohortResponse } from '@ccc/contracts';
import {
  displayStatus,
  monthBounds,
  programmeEndsBefore,
  type ParticipantRole,
  type SessionKind,
  type SessionStatus,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { type Loaded, loaded } from '../common/loaded';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Cohort } from './cohort.entity';

/** A cohort as the reads find it: with its template version (an inner join). */
type FoundCohort = Loaded<Cohort, 'template'>;

/** What the caller may see of cohorts: the list, one cohort, its group sessions (the commands: CohortsService). */
@Injectable()
export class CohortReadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  private cohortQuery(user: AuthUser) {
    const qb = this.db
      .getRepository(Cohort)
      .createQueryBuilder('cohort')
      .innerJoinAndSelect('cohort.template', 'template')
      .leftJoinAndSelect('cohort.supervisors', 'supervisor');
    return this.access.scopeCohorts(qb, 'cohort', user);
  }

  /** Two queries whatever the number of cohorts: the cohorts, then their enrolment counts. */
  async list(user: AuthUser): Promise<CohortResponse[]> {
    const cohorts = await this.cohortQuery(user).orderBy('cohort.start_date', 'DESC').getMany();
    const counts = await this.enrolmentCounts(cohorts.map((c) => c.id));
    return cohorts.map((cohort) => describe(loaded(cohort, 'template'), counts));
  }

  async get(user: AuthUser, id: string): Promise<CohortResponse> {
    const cohort =
      (await this.cohortQuery(user).andWhere('cohort.id = :id', { id }).getOne()) ??
      (await this.access.refuse(user, 'cohort', id, 'Cohort'));
    return describe(loaded(cohort, 'template'), await this.enrolmentCounts([cohort.id]));
  }

  /**
   * The cohort's group sessions with their register sizes, for booking them from the cohort rather than from one
   * CCC's timeline: the cohort (with the caller's access) then one statement for the sessions.
   */
  async groupSessions(user: AuthUser, id: string): Promise<CohortGroupSession[]> {
    const cohort =
      (await this.cohortQuery(user).andWhere('cohort.id = :id', { id }).getOne()) ??
      (await this.access.refuse(user, 'cohort', id, 'Cohort'));
    const rows: {
      id: string;
      plan_item_key: string;
      kind: SessionKind;
      title: string;
      month: number;
      status: SessionStatus;
      starts_at: Date | null;
      duration_minutes: number | null;
      participants: ParticipantRole[];
      lead_id: string | null;
      lead_name: string | null;
      register_size: number;
      version: number;
    }[] = await this.db.query(
      `SELECT s.id, s.plan_item_key, s.kind, s.title, s.month, s.status, s.starts_at, s.duration_minutes,
              s.participants, s.lead_id, l.full_name AS lead_name, s.version,
              (SELECT count(*)::int FROM session_attendance a WHERE a.session_id = s.id) AS register_size
         FROM session s
         LEFT JOIN person l ON l.id = s.lead_id
        WHERE s.cohort_id = $1 AND s.enrolment_id IS NULL
        ORDER BY s.month, s.starts_at NULLS LAST, s.title`,
      [cohort.id],
    );
    const now = this.clock.now();
    return rows.map((r) => {
      const bounds = monthBounds(cohort.startDate, r.month);
      return {
        id: r.id,
        planItemKey: r.plan_item_key,
        kind: r.kind,
        title: r.title,
        month: r.month,
        monthStartsOn: bounds.startsOn,
        monthEndsBefore: bounds.endsBefore,
        status: displayStatus(
          {
            status: r.status,
            participants: r.participants,
            startsAt: r.starts_at,
            durationMinutes: r.duration_minutes,
            monthEndsBefore: bounds.endsBefore,
          },
          now,
        ),
        startsAt: r.starts_at?.toISOString() ?? null,
        durationMinutes: r.duration_minutes,
        lead: r.lead_id ? { id: r.lead_id, fullName: r.lead_name ?? '' } : null,
        registerSize: r.register_size,
        version: r.version,
      };
    });
  }

  /** The cohorts' enrolments counted by track: one query. */
  private async enrolmentCounts(ids: string[]): Promise<EnrolmentCount[]> {
    if (ids.length === 0) return [];
    return this.db
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .select('e.cohort_id', 'cohortId')
      .addSelect('e.track', 'track')
      .addSelect('COUNT(*)', 'n')
      .where('e.cohort_id IN (:...ids)', { ids })
      .groupBy('e.cohort_id')
      .addGroupBy('e.track')
      .getRawMany();
  }
}

type EnrolmentCount = { cohortId: string; track: string; n: string };

function describe(cohort: FoundCohort, counts: EnrolmentCount[]): CohortResponse {
  const count = (track: string) => Number(counts.find((c) => c.cohortId === cohort.id && c.track === track)?.n ?? 0);
  const { template } = cohort;
  const supervision = count('supervision');
  const training = count('training');
  return {
    id: cohort.id,
    name: cohort.name,
    startDate: cohort.startDate,
    endsBefore: programmeEndsBefore(cohort.startDate, template.definition.durationMonths),
    template: { id: template.id, name: template.name, version: template.version },
    allianceSupervisors: (cohort.supervisors ?? []).map((p) => ({ id: p.id, fullName: p.fullName })),
    enrolments: { total: supervision + training, supervision, training },
    closedAt: cohort.closedAt?.toISOString() ?? null,
    version: cohort.version,
  };
}
