import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SurveyResponseView } from '@ccc/contracts';
import { checkSurveyAnswers, londonDate, type SurveyRespondent, surveyFor, surveyOpensOn } from '@ccc/programme';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, Forbidden, Invalid, StaleVersion } from '../common/domain-errors';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import type { SaveSurveyDto } from './dto/survey.dto';
import { EvaluationResponse } from './evaluation-response.entity';
import { Clock } from '../common/clock';
import { insertedId } from '../common/lookup';

/**
 * The evaluation survey: one response per person and enrolment, saved as a draft until submitted. A response is
 * read only by its author; everything else sees it only in the report's aggregates. The audit trail records
 * that a response was saved or submitted, never its answers.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** The CCC answers for themself; a PCN supervisor of the CCC's PCN answers as the PCN. */
  private respondentFor(user: AuthUser, enrolment: Enrolment): SurveyRespondent {
    const parties = this.access.handoverParties(user, enrolment);
    if (parties.includes('ccc')) return 'ccc';
    if (parties.includes('pcn_supervisor')) return 'pcn_supervisor';
    throw new Forbidden('Only the CCC and their PCN supervisor answer this evaluation survey');
  }

  async get(user: AuthUser, enrolmentId: string): Promise<SurveyResponseView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const respondent = this.respondentFor(user, enrolment);
    const row = await this.db.getRepository(EvaluationResponse).findOneBy({ enrolmentId, personId: user.id });
    return {
      enrolmentId,
      respondent,
      survey: surveyFor(template.evaluation, respondent),
      status: row?.status ?? 'not_started',
      likert: row?.likert ?? {},
      freeText: row?.freeText ?? {},
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      opensOn: surveyOpensOn(enrolment.cohort.startDate, template.durationMonths),
      version: row?.version ?? 0,
    };
  }

  async save(user: AuthUser, enrolmentId: string, dto: SaveSurveyDto, submit: boolean): Promise<SurveyResponseView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const respondent = this.respondentFor(user, enrolment);
    const opensOn = surveyOpensOn(enrolment.cohort.startDate, template.durationMonths);
    if (londonDate(this.clock.now()) < opensOn)
      throw new Conflict(`The evaluation survey opens on ${opensOn}, when the programme's last month starts`);
    const answers = {
      likert: dto.likert,
      freeText: Object.fromEntries(
        Object.entries(dto.freeText).map(([id, a]) => [
          id,
          typeof a?.text === 'string' ? { text: a.text.trim(), mayQuote: a.mayQuote } : a,
        ]),
      ),
    };
    const problems = checkSurveyAnswers(template.evaluation, respondent, answers, submit);
    if (problems.length > 0) throw new Invalid(problems);
    // Empty answers are dropped: an unanswered question is not a quote.
    const freeText = Object.fromEntries(Object.entries(answers.freeText).filter(([, a]) => a.text !== ''));
    try {
      await this.commands.run({
        load: async ({ manager }) => {
          const row = await manager
            .getRepository(EvaluationResponse)
            .createQueryBuilder('r')
            .where('r.enrolment_id = :enrolmentId AND r.person_id = :personId', { enrolmentId, personId: user.id })
            .setLock('pessimistic_write')
            .getOne();
          if (row?.status === 'submitted')
            throw new Conflict('You have already submitted this survey; a submitted response is final');
          return row;
        },
        version: { read: dto.version, of: (row) => ({ version: row?.version ?? 0 }), what: 'survey response' },
        apply: async ({ manager }, row) => {
          const values = {
            likert: answers.likert,
            freeText,
            status: submit ? ('submitted' as const) : ('draft' as const),
            submittedAt: submit ? this.clock.now() : null,
          };
          if (row) {
            await manager
              .createQueryBuilder()
              .update(EvaluationResponse)
              .set(values)
              .where('id = :id AND version = :version', { id: row.id, version: dto.version })
              .execute();
            return row.id;
          }
          const inserted = await manager.insert(EvaluationResponse, {
            enrolmentId,
            personId: user.id,
            respondent,
            ...values,
          });
          return insertedId(inserted);
        },
        audit: (_, id) => ({
          actorId: user.id,
          action: submit ? 'survey.submitted' : 'survey.saved',
          entityType: 'evaluation_response',
          entityId: id,
          detail: { enrolmentId, respondent },
        }),
      });
    } catch (error) {
      // Two first saves at once: the unique (enrolment, person) lets one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new StaleVersion('survey response');
      throw error;
    }
    return this.get(user, enrolmentId);
  }
}
