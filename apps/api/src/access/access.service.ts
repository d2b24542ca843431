import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrolment } from '../enrolments/enrolment.entity';

/**
 * The one place that decides which records a caller may touch. Default deny: a caller gets rows only through a
 * rule below. A CCC sees their own enrolment; a PCN supervisor the enrolments of their PCNs; an Alliance
 * supervisor their caseload; an administrator everything.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Narrows a query on enrolments (aliased `alias`) to those the caller may read. */
  scopeEnrolments<T extends object>(qb: SelectQueryBuilder<T>, alias: string, user: AuthUser): SelectQueryBuilder<T> {
    if (hasRole(user, 'admin')) return qb;
    const pcnIds = organisationsWhere(user, 'pcn_supervisor');
    return qb.andWhere(
      new Brackets((where) => {
        where.where('1 = 0');
        if (hasRole(user, 'ccc')) where.orWhere(`${alias}.ccc_id = :accessUserId`);
        if (hasRole(user, 'alliance_supervisor')) where.orWhere(`${alias}.alliance_supervisor_id = :accessUserId`);
        if (pcnIds.length > 0) where.orWhere(`${alias}.pcn_id IN (:...accessPcnIds)`);
      }),
      { accessUserId: user.id, accessPcnIds: pcnIds },
    );
  }

  /**
   * Narrows a query on cohorts to those the caller may read: the ones they run or supervise someone in. With
   * `runOnly`, to the ones they run (to enrol CCCs, say).
   */
  scopeCohorts<T extends object>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    user: AuthUser,
    { runOnly = false }: { runOnly?: boolean } = {},
  ): SelectQueryBuilder<T> {
    if (hasRole(user, 'admin')) return qb;
    if (!hasRole(user, 'alliance_supervisor')) return qb.andWhere('1 = 0');
    return qb.andWhere(
      new Brackets((where) => {
        where.where(
          `EXISTS (SELECT 1 FROM cohort_supervisor cs WHERE cs.cohort_id = ${alias}.id AND cs.person_id = :accessUserId)`,
        );
        if (!runOnly) {
          where.orWhere(
            `EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = ${alias}.id AND e.alliance_supervisor_id = :accessUserId)`,
          );
        }
      }),
      { accessUserId: user.id },
    );
  }

  /**
   * Turns "no row in the caller's scope" into 404 when the record does not exist at all, and 403 when it exists
   * but belongs to someone else. The extra query runs only on that failure path.
   */
  async refuse(entity: typeof Enrolment | typeof Cohort, id: string, label: string): Promise<never> {
    const exists = await this.db.getRepository(entity).exists({ where: { id } });
    if (!exists) throw new NotFoundException(`${label} not found`);
    throw new ForbiddenException(`You do not have access to this ${label.toLowerCase()}`);
  }
}
