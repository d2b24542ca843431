import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NationalSummary } from '@ccc/contracts';
import {
  evaluateExpectations,
  type LikertLevel,
  londonDate,
  nationalFigures,
  type ProgrammeTemplate,
  SMALL_NUMBER_THRESHOLD,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { ExpectationsService } from '../expectations/expectations.service';

/**
 * The national view: the cohort report's figures (enrolment, expectations met, the survey's share agreed) for
 * every Alliance and the nation, anonymous and with small numbers suppressed (nationalFigures). It reads only
 * statuses, tracks, session facts and Likert answers: no person, PCN or free text reaches the answer. A fixed
 * number of queries (eight) whatever the number of Alliances and CCCs.
 */
@Injectable()
export class NationalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly expectations: ExpectationsService,
  ) {}

  async summary(now = new Date()): Promise<NationalSummary> {
    // 1. Every Alliance, by name.
    const alliances = (await this.db.query(
      `SELECT id, name FROM organisation WHERE kind = 'alliance' ORDER BY name, id`,
    )) as { id: string; name: string }[];

    // 2. Every cohort with its template, newest first (a reworded statement reads as the newest template has it).
    const cohorts = await this.db.getRepository(Cohort).find({
      select: {
        id: true,
        allianceId: true,
        startDate: true,
        templateId: true,
        template: { id: true, definition: true },
      },
      relations: { template: true },
      order: { startDate: 'DESC', id: 'ASC' },
    });
    const cohortOf = new Map(cohorts.map((c) => [c.id, c]));
    const templates = [...new Map(cohorts.map((c) => [c.templateId, c.template!.definition])).values()];

    // 3. Every enrolment: no more than the rules read.
    const enrolments = (
      await this.db.getRepository(Enrolment).find({
        select: { id: true, cohortId: true, track: true, status: true },
        order: { id: 'ASC' },
      })
    ).map((e) => Object.assign(e, { cohort: cohortOf.get(e.cohortId)! }));

    // 4–7. The facts of the expectations, as the cohort report reads them.
    const facts = await this.expectations.facts(enrolments);

    // 8. Submitted survey answers with their Alliance: the Likert answers only, never who or their free text.
    const responses = (await this.db.query(
      `SELECT c.alliance_id, r.likert FROM evaluation_response r
         JOIN enrolment e ON e.id = r.enrolment_id JOIN cohort c ON c.id = e.cohort_id
        WHERE r.status = 'submitted'`,
    )) as { alliance_id: string; likert: Record<string, LikertLevel> }[];

    const today = londonDate(now);
    const figures = nationalFigures({
      alliances,
      enrolments: enrolments.map((e) => {
        const template: ProgrammeTemplate = e.cohort.template!.definition;
        return {
          allianceId: e.cohort.allianceId,
          status: e.status,
          template,
          track: e.track,
          results: evaluateExpectations(template, facts.get(e.id)!, now, today),
        };
      }),
      responses: responses.map((r) => ({ allianceId: r.alliance_id, likert: r.likert })),
      templates,
    });
    return { generatedAt: now.toISOString(), threshold: SMALL_NUMBER_THRESHOLD, ...figures };
  }
}
