import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkRef } from '@ccc/contracts';
import { type CompetencyFramework, findCompetency, type ProgrammeTemplate } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { CompetencyFrameworkVersion } from './competency-framework.entity';
import type { ScopedEnrolment } from '../enrolments/scoped-enrolment';
import { NotFound } from '../common/domain-errors';

export interface CompetencyContext {
  enrolment: ScopedEnrolment;
  template: ProgrammeTemplate;
  frameworkRow: CompetencyFrameworkVersion;
  framework: CompetencyFramework;
  /** Who the caller is to this record when writing it; null for those who only read. */
  side: 'ccc' | 'supervisor' | null;
}

export function frameworkRef(row: CompetencyFrameworkVersion): FrameworkRef {
  return { id: row.id, key: row.key, name: row.name, version: row.version };
}

/** An enrolment the caller may read (404 / 403 otherwise), with its template and competency framework. */
@Injectable()
export class CompetencyContextService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
  ) {}

  async forEnrolment(user: AuthUser, enrolmentId: string): Promise<CompetencyContext> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const frameworkRow = await this.db
      .getRepository(CompetencyFrameworkVersion)
      .findOneByOrFail({ id: enrolment.cohort.competencyFrameworkId });
    return {
      enrolment,
      template,
      frameworkRow,
      framework: frameworkRow.definition,
      side: this.access.competencySide(user, enrolment),
    };
  }

  /** The competency of the enrolment's framework with this code: 404 otherwise. */
  competency(context: CompetencyContext, code: string) {
    const found = findCompetency(context.framework, code);
    if (!found) throw new NotFound(`Competency ${code.slice(0, 40)} is not in this CCC's framework`);
    return found;
  }
}
