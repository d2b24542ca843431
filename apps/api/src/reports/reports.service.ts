import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CohortReport,
  ReportEnrolmentRow,
  ReportOutcomeRow,
  ReportQuote,
  ReportReleaseRow,
  ReportStatementRow,
} from '@ccc/contracts';
import {
  agreementSummary,
  deliveryByParty,
  evaluateExpectations,
  type ExpectationFacts,
  type FreeTextAnswer,
  type LikertLevel,
  londonDate,
  type OutcomeMeasure,
  outcomeChanges,
  percentOf,
  type ProgrammeTemplate,
  type SurveyQuestion,
  type SurveyRespondent,
  type SurveyStatement,
  unionById,
  WIDER_WORKFORCE_LABELS,
  WIDER_WORKFORCE_ROLES,
  type WiderWorkforceRole,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { groupBy } from '../common/group-by';
import { lookup } from '../common/lookup';
import { oneRow } from '../common/one-row';
import { ruleFacts } from '../expectations/rule-facts';
import { Organisation } from '../organisations/organisation.entity';
import { type ReportCohort, type ReportEnrolment, reportCohorts, reportEnrolments } from './cohort-report.read-model';
import type { ReportQueryDto } from './dto/report-query.dto';
import { Clock } from '../common/clock';
import { CCCS_PER_TURN, nextTurn } from '../common/next-turn';
import { Invalid, NotFound } from '../common/domain-errors';

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * The Alliance's cohort report: enrolment and completion, sessions against each party's expectations,
 * competencies and training, release time, the evaluation survey (anonymous, small numbers withheld), outcome
 * totals and shareable quotes. A fixed number of queries whatever the number of cohorts and CCCs.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async cohortReport(user: AuthUser, query: ReportQueryDto, now = this.clock.now()): Promise<CohortReport> {
    if (query.from && query.to && query.from > query.to)
      throw new Invalid([{ field: 'to', reason: 'to must not be before from' }]);

    // 1. The cohorts in the caller's scope that pass the filters, with their templates (cohort-report.read-model.ts).
    const cohorts = await reportCohorts(this.db, this.access, user, query);
    if (query.cohortId && cohorts.length === 0 && !query.from && !query.to)
      await this.access.refuse(user, 'cohort', query.cohortId, 'Cohort');

    // 2. The PCN of the filter.
    let pcn: Organisation | null = null;
    if (query.pcnId) {
      pcn = await this.db.getRepository(Organisation).findOneBy({ id: query.pcnId, kind: 'pcn' });
      if (!pcn) throw new NotFound('PCN not found');
    }

    // 3. Their enrolments: the columns the tables read, and the PCN's name.
    const cohortIds = cohorts.map((c) => c.id);
    const enrolments = await reportEnrolments(this.db, cohortIds, pcn?.id ?? null);
    const ids = enrolments.map((e) => e.id);
    const templateOf = new Map(cohorts.map((c) => [c.id, c.template]));
    const startOf = new Map(cohorts.map((c) => [c.id, c.startDate]));
    const templates = [...new Map(cohorts.map((c) => [c.templateId, c.template])).values()].reverse();

    // 4–8. The facts of the expectations, read by the cohorts (four queries), then the rest (one query).
    const facts = await ruleFacts(
      this.db,
      enrolments.map((e) => ({ id: e.id, cohortStart: lookup(startOf, e.cohortId), track: e.track, pauses: e.pauses })),
      cohortIds,
    );
    const { development, responses, outcomes, workforce } = await this.reportParts(ids, cohortIds);

    const today = londonDate(now);
    const evaluated = [];
    for (const [i, e] of enrolments.entries()) {
      if (i > 0 && i % CCCS_PER_TURN === 0) await nextTurn();
      const template = lookup(templateOf, e.cohortId);
      evaluated.push({
        template,
        track: e.track,
        results: evaluateExpectations(template, lookup(facts, e.id), now, today),
      });
    }

    return {
      generatedAt: now.toISOString(),
      filters: {
        cohort: query.cohortId && cohorts[0] ? { id: cohorts[0].id, name: cohorts[0].name } : null,
        pcn: pcn ? { id: pcn.id, name: pcn.name } : null,
        from: query.from ?? null,
        to: query.to ?? null,
      },
      enrolment: this.enrolmentTable(cohorts, enrolments),
      sessions: deliveryByParty(evaluated).map(({ key, ...row }) => ({
        expectationKey: key,
        ...row,
        deliveredPercent: percentOf(row.delivered, row.expected),
      })),
      development: {
        cccs: enrolments.length,
        ...development,
        trainingCompletedPercent: percentOf(development.trainingCompleted, development.trainingItems),
      },
      release: this.releaseTable(enrolments, facts),
      survey: this.surveyTables(templates, responses),
      outcomes: this.outcomeTable(templates, outcomes),
      outcomeChanges: outcomeChanges(
        unionById<OutcomeMeasure>(templates.map((t) => t.outcomeMeasures)),
        outcomes.map((o) => ({ enrolmentId: o.enrolment_id, measureId: o.measure_id, month: o.month, count: o.count })),
      ).map(({ perCcc: _perCcc, ...row }) => row),
      quotes: this.quotes(templates, responses),
      widerWorkforce: widerWorkforceTable(workforce),
    };
  }

  private enrolmentTable(cohorts: ReportCohort[], enrolments: ReportEnrolment[]): CohortReport['enrolment'] {
    const byCohort = groupBy(enrolments, (e) => e.cohortId);
    const count = (list: ReportEnrolment[]) => {
      const n = (test: (e: ReportEnrolment) => boolean) => list.filter(test).length;
      const completed = n((e) => e.status === 'completed');
      return {
        enrolled: list.length,
        supervisionTrack: n((e) => e.track === 'supervision'),
        trainingTrack: n((e) => e.track === 'training'),
        active: n((e) => e.status === 'active'),
        completed,
        withdrawn: n((e) => e.status === 'withdrawn'),
        completedPercent: percentOf(completed, list.length),
      };
    };
    const rows: ReportEnrolmentRow[] = cohorts.map((c) => ({
      cohortId: c.id,
      cohortName: c.name,
      startDate: c.startDate,
      ...count(byCohort.get(c.id) ?? []),
    }));
    return { cohorts: rows, total: count(enrolments) };
  }

  private releaseTable(enrolments: ReportEnrolment[], facts: Map<string, ExpectationFacts>): ReportReleaseRow[] {
    const byPcn = groupBy(enrolments, (e) => e.pcnId);
    return [...byPcn.values()]
      .map((list) => {
        const requests = list.flatMap((e) => lookup(facts, e.id).release);
        return {
          pcnId: list[0].pcnId,
          pcnName: list[0].pcnName,
          cccs: list.length,
          confirmedHours: hoursOf(
            requests.filter((r) => r.status === 'confirmed').reduce((total, r) => total + r.minutes, 0),
          ),
          pendingRequests: requests.filter((r) => r.status === 'pending').length,
          declinedRequests: requests.filter((r) => r.status === 'declined').length,
        };
      })
      .sort((a, b) => a.pcnName.localeCompare(b.pcnName));
  }

  /**
   * What the report reads beyond the expectations, in one statement (a round trip each cost the API more than these
   * small reads, issue #17): competencies signed off and training completed, the submitted survey responses without
   * who gave them, the outcome counts, and the wider workforce at the cohorts' sessions open to them, by role.
   */
  private async reportParts(ids: string[], cohortIds: string[]) {
    const row = oneRow(
      (await this.db.query(
        `SELECT (SELECT count(*) FROM competency_progress WHERE enrolment_id = ANY($1::uuid[]) AND state = 'signed_off')::int AS signed_off,
              (SELECT count(DISTINCT enrolment_id) FROM competency_progress WHERE enrolment_id = ANY($1::uuid[]) AND state = 'signed_off')::int AS cccs_with,
              (SELECT count(*) FROM training_plan_item WHERE enrolment_id = ANY($1::uuid[]))::int AS items,
              (SELECT count(*) FROM training_plan_item WHERE enrolment_id = ANY($1::uuid[]) AND completed_on IS NOT NULL)::int AS completed,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (
                SELECT respondent, likert, free_text FROM evaluation_response
                 WHERE enrolment_id = ANY($1::uuid[]) AND status = 'submitted') q) AS responses,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (
                SELECT enrolment_id, measure_id, month, count FROM outcome_count WHERE enrolment_id = ANY($1::uuid[])) q) AS outcomes,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (
                SELECT w.role, count(*)::int AS registered, count(*) FILTER (WHERE w.attendance = 'present')::int AS present
                  FROM workforce_attendee w JOIN session s ON s.id = w.session_id
                 WHERE s.cohort_id = ANY($2::uuid[]) AND s.status <> 'cancelled'
                 GROUP BY w.role) q) AS workforce`,
        [ids, cohortIds],
      )) as {
        signed_off: number;
        cccs_with: number;
        items: number;
        completed: number;
        responses: SurveyResponseRow[];
        outcomes: OutcomeCountRow[];
        workforce: { role: WiderWorkforceRole; registered: number; present: number }[];
      }[],
    );
    return {
      development: {
        competenciesSignedOff: row.signed_off,
        cccsWithASignOff: row.cccs_with,
        trainingItems: row.items,
        trainingCompleted: row.completed,
      },
      responses: row.responses,
      outcomes: row.outcomes,
      workforce: row.workforce,
    };
  }

  private surveyTables(templates: ProgrammeTemplate[], responses: SurveyResponseRow[]): CohortReport['survey'] {
    const statements = unionById<SurveyStatement>(templates.map((t) => t.evaluation.statements));
    const rows: ReportStatementRow[] = statements.map((statement) => {
      const levels = responses
        .map((r) => r.likert[statement.id])
        .filter((level): level is LikertLevel => level !== undefined);
      const summary = agreementSummary(levels);
      return {
        statementId: statement.id,
        text: statement.text,
        respondents: statement.respondents,
        answering: summary.answering,
        agreed: summary.agreed,
        percentAgreed: summary.percent,
        display: summary.display,
        distribution: summary.distribution,
      };
    });
    return {
      responses: {
        ccc: responses.filter((r) => r.respondent === 'ccc').length,
        pcn_supervisor: responses.filter((r) => r.respondent === 'pcn_supervisor').length,
      },
      statements: rows,
    };
  }

  private outcomeTable(templates: ProgrammeTemplate[], counts: OutcomeCountRow[]): ReportOutcomeRow[] {
    const measures = unionById<OutcomeMeasure>(templates.map((t) => t.outcomeMeasures));
    const months = Math.max(0, ...templates.map((t) => t.durationMonths));
    const byMeasure = groupBy(counts, (c) => c.measure_id);
    return measures.map((measure) => {
      const rows = byMeasure.get(measure.id) ?? [];
      const byMonth = Array.from({ length: months }, (_, i) =>
        rows.filter((r) => r.month === i + 1).reduce((t, r) => t + r.count, 0),
      );
      return {
        measureId: measure.id,
        label: measure.label,
        unit: measure.unit,
        total: rows.reduce((t, r) => t + r.count, 0),
        cccsReporting: new Set(rows.map((r) => r.enrolment_id)).size,
        byMonth,
      };
    });
  }

  /** Answers their authors allowed to be quoted, by question and then alphabetically: no order that could name. */
  private quotes(templates: ProgrammeTemplate[], responses: SurveyResponseRow[]): ReportQuote[] {
    const questions = unionById<SurveyQuestion>(templates.map((t) => t.evaluation.questions));
    return questions.flatMap((question) =>
      responses
        .map((r) => r.free_text[question.id])
        .filter((a): a is FreeTextAnswer => !!a && a.mayQuote && a.text.trim() !== '')
        .map((a) => a.text.trim())
        .sort((a, b) => a.localeCompare(b))
        .map((text) => ({ question: question.text, text })),
    );
  }
}

/** An outcome count a CCC recorded for a month. */
interface OutcomeCountRow {
  enrolment_id: string;
  measure_id: string;
  month: number;
  count: number;
}

/** A submitted survey response, without who gave it. */
interface SurveyResponseRow {
  respondent: SurveyRespondent;
  likert: Record<string, LikertLevel>;
  free_text: Record<string, FreeTextAnswer>;
}

/** The wider workforce at the cohorts' sessions open to them, every role with its counts (none: zero). */
function widerWorkforceTable(
  rows: { role: WiderWorkforceRole; registered: number; present: number }[],
): CohortReport['widerWorkforce'] {
  const byRole = new Map(rows.map((r) => [r.role, r]));
  const table = WIDER_WORKFORCE_ROLES.map((role) => ({
    role,
    label: WIDER_WORKFORCE_LABELS[role],
    registered: byRole.get(role)?.registered ?? 0,
    present: byRole.get(role)?.present ?? 0,
  }));
  return {
    rows: table,
    registered: table.reduce((n, r) => n + r.registered, 0),
    present: table.reduce((n, r) => n + r.present, 0),
  };
}
