import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NationalSummary } from '@ccc/contracts';
import {
  type EnrolmentPause,
  evaluateExpectations,
  type LikertLevel,
  londonDate,
  type NationalEnrolmentInput,
  nationalFigures,
  SMALL_NUMBER_THRESHOLD,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';
import { lookup } from '../common/lookup';
import { API_CONFIG, type ApiConfig } from '../config';
import { ruleFacts } from '../expectations/rule-facts';
import { nextTurn } from '../common/next-turn';

/** Enrolments evaluated between two turns of the event loop, so that other requests are answered meanwhile. */
const EVALUATED_PER_TURN = 250;

/**
 * The national view: the cohort report's figures (enrolment, expectations met, the survey's share agreed) for
 * every Alliance and the nation, anonymous and with small numbers suppressed (nationalFigures). It reads only
 * statuses, tracks, session facts and Likert answers: no person, PCN or free text reaches the answer. A fixed
 * number of queries (eight) whatever the number of Alliances and CCCs.
 *
 * The figures rest on every CCC of the country, so they are kept as a snapshot: made at most once every
 * `nationalSnapshotSeconds` (its time is the answer's `generatedAt`, which the page shows as "as of"), and made
 * once however many ask at the same time (single-flight). A request then costs no query and no memory that grows
 * with the data.
 */
@Injectable()
export class NationalService {
  private snapshot: { madeAt: number; summary: NationalSummary } | null = null;
  private making: Promise<NationalSummary> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly clock: Clock,
  ) {}

  async summary(): Promise<NationalSummary> {
    const maxAgeMs = this.config.nationalSnapshotSeconds * 1000;
    // The snapshot's age is a duration (monotonic); its time of day comes from the clock.
    if (this.snapshot && performance.now() - this.snapshot.madeAt < maxAgeMs) return this.snapshot.summary;
    if (!this.making) {
      const madeAt = performance.now();
      this.making = this.make(this.clock.now())
        .then((summary) => {
          this.snapshot = { madeAt, summary };
          return summary;
        })
        .finally(() => {
          this.making = null;
        });
    }
    return this.making;
  }

  /** The figures as of `now`, from the database. */
  async make(now: Date): Promise<NationalSummary> {
    // 1. Every Alliance, by name.
    const alliances = (await this.db.query(
      `SELECT id, name FROM organisation WHERE kind = 'alliance' ORDER BY name, id`,
    )) as { id: string; name: string }[];

    // 2. Every cohort with its template, newest first (a reworded statement reads as the newest template has it).
    const cohorts = (
      await this.db.getRepository(Cohort).find({
        select: {
          id: true,
          allianceId: true,
          startDate: true,
          templateId: true,
          template: { id: true, definition: true },
        },
        relations: { template: true },
        order: { startDate: 'DESC', id: 'ASC' },
      })
    ).map((c) => loaded(c, 'template'));
    const cohortOf = new Map(cohorts.map((c) => [c.id, c]));
    const templates = [...new Map(cohorts.map((c) => [c.templateId, c.template.definition])).values()];

    // 3. Every enrolment: no more than the rules read.
    const enrolments = (
      (await this.db.query(`SELECT id, cohort_id, track, status, pauses FROM enrolment ORDER BY id`)) as {
        id: string;
        pauses: EnrolmentPause[];
        cohort_id: string;
        track: NationalEnrolmentInput['track'];
        status: NationalEnrolmentInput['status'];
      }[]
    ).map((e) => ({ ...e, cohort: lookup(cohortOf, e.cohort_id) }));

    // 4–7. The facts of the expectations, as the cohort report reads them, for every cohort at once.
    const facts = await ruleFacts(
      this.db,
      enrolments.map((e) => ({ id: e.id, cohortStart: e.cohort.startDate, track: e.track, pauses: e.pauses })),
      'every cohort',
    );

    // 8. Submitted survey answers with their Alliance: the Likert answers only, never who or their free text.
    const responses = (await this.db.query(
      `SELECT c.alliance_id, r.likert FROM evaluation_response r
         JOIN enrolment e ON e.id = r.enrolment_id JOIN cohort c ON c.id = e.cohort_id
        WHERE r.status = 'submitted'`,
    )) as { alliance_id: string; likert: Record<string, LikertLevel> }[];

    const today = londonDate(now);
    const evaluated: NationalEnrolmentInput[] = [];
    for (const [i, e] of enrolments.entries()) {
      if (i > 0 && i % EVALUATED_PER_TURN === 0) await nextTurn();
      const template = e.cohort.template.definition;
      evaluated.push({
        allianceId: e.cohort.allianceId,
        status: e.status,
        template,
        track: e.track,
        results: evaluateExpectations(template, lookup(facts, e.id), now, today),
      });
      // Each enrolment's facts are read once: let them go as soon as they are.
      facts.delete(e.id);
    }
    const figures = nationalFigures({
      alliances,
      enrolments: evaluated,
      responses: responses.map((r) => ({ allianceId: r.alliance_id, likert: r.likert })),
      templates,
    });
    return { generatedAt: now.toISOString(), threshold: SMALL_NUMBER_THRESHOLD, ...figures };
  }
}
