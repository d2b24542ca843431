import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortResponse } from '@ccc/contracts';
import { programmeEndsBefore } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Cohort } from './cohort.entity';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
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
    return this.describe(cohorts);
  }

  async get(user: AuthUser, id: string): Promise<CohortResponse> {
    const cohort = await this.cohortQuery(user).andWhere('cohort.id = :id', { id }).getOne();
    const [described] = await this.describe([cohort ?? (await this.access.refuse(Cohort, id, 'Cohort'))]);
    return described!;
  }

  private async describe(cohorts: Cohort[]): Promise<CohortResponse[]> {
    if (cohorts.length === 0) return [];
    const counts: { cohortId: string; track: string; n: string }[] = await this.db
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .select('e.cohort_id', 'cohortId')
      .addSelect('e.track', 'track')
      .addSelect('COUNT(*)', 'n')
      .where('e.cohort_id IN (:...ids)', { ids: cohorts.map((c) => c.id) })
      .groupBy('e.cohort_id')
      .addGroupBy('e.track')
      .getRawMany();
    const count = (cohortId: string, track: string) =>
      Number(counts.find((c) => c.cohortId === cohortId && c.track === track)?.n ?? 0);
    return cohorts.map((cohort) => {
      const template = cohort.template!;
      const supervision = count(cohort.id, 'supervision');
      const training = count(cohort.id, 'training');
      return {
        id: cohort.id,
        name: cohort.name,
        startDate: cohort.startDate,
        endsBefore: programmeEndsBefore(cohort.startDate, template.definition.durationMonths),
        template: { id: template.id, name: template.name, version: template.version },
        allianceSupervisors: (cohort.supervisors ?? []).map((p) => ({ id: p.id, fullName: p.fullName })),
        enrolments: { total: supervision + training, supervision, training },
        version: cohort.version,
      };
    });
  }
}
