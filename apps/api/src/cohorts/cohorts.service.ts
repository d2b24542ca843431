import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortResponse } from '@ccc/contracts';
import { programmeEndsBefore } from '@ccc/programme';
import { DataSource, In } from 'typeorm';
import { AccessService, inCallersAlliance } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { type FieldError, validationFailed } from '../common/errors';
import { RoleAssignment } from '../people/role-assignment.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Cohort } from './cohort.entity';
import type { CreateCohortDto } from './dto/create-cohort.dto';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** A cohort of a template version of the caller's Alliance, run by Alliance supervisors of that Alliance. */
  async create(user: AuthUser, dto: CreateCohortDto): Promise<CohortResponse> {
    const template = await this.db
      .getRepository(ProgrammeTemplateVersion)
      .findOneBy({ id: dto.templateId, ...inCallersAlliance(user) });
    const supervisorIds = [...new Set(dto.supervisorIds)];
    const errors: FieldError[] = [];
    if (!template) errors.push({ field: 'templateId', reason: 'no template version of your Alliance has this id' });
    else if (supervisorIds.length > 0) {
      const roles = await this.db.getRepository(RoleAssignment).find({
        where: { personId: In(supervisorIds), role: 'alliance_supervisor', organisationId: template.allianceId },
      });
      const found = new Set(roles.map((r) => r.personId));
      supervisorIds
        .filter((id) => !found.has(id))
        .forEach((id) =>
          errors.push({
            field: 'supervisorIds',
            reason: `${id} is not an Alliance supervisor of the template's Alliance`,
          }),
        );
    }
    if (errors.length > 0) throw validationFailed(errors);
    const id = await this.db.transaction(async (manager) => {
      const cohort = await manager.save(
        manager.create(Cohort, {
          name: dto.name.trim(),
          allianceId: template!.allianceId,
          templateId: template!.id,
          startDate: dto.startDate,
          supervisors: supervisorIds.map((personId) => ({ id: personId })),
        }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: cohort.id,
        detail: { templateId: template!.id, startDate: dto.startDate, supervisorIds },
      });
      return cohort.id;
    });
    return this.get(user, id);
  }

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
    const [described] = await this.describe([cohort ?? (await this.access.refuse(user, 'cohort', id, 'Cohort'))]);
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
