import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DutiesResponse, ExpectationsResponse, PcnHomeRow, PersonRef } from '@ccc/contracts';
import {
  ACTIVE_BOOKING_STATUSES,
  attestableFromDate,
  attestationDateProblem,
  dutiesOf,
  confirmedReleaseMinutes,
  displayStatus,
  evaluateExpectations,
  type ExpectationFacts,
  isIsoDate,
  londonDate,
  monthBounds,
  onPcnToDoList,
  programmeChartWeeks,
  releaseRules,
  studyWeeks,
} from '@ccc/programme';
import { DataSource, In, QueryFailedError } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { Closed, Conflict, Forbidden, Invalid, NotFound } from '../common/domain-errors';
import { groupBy } from '../common/group-by';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { WITHDRAWN_MESSAGE } from '../enrolments/enrolment-lock';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { AccessService } from '../access/access.service';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { CHART_WEEKS, toReleaseView } from '../release-time/release.service';
import { SessionAttendance } from '../sessions/session-attendance.entity';
import type { AttestDto, AttestDutyDto } from './dto/attest.dto';
import { Attestation } from './attestation.entity';
import { dutyDatesOf, type ProgressFacts, progressFacts, withProgress } from './rule-facts';
import { type PcnHomeSession, pcnHomeFacts } from './pcn-home.read-model';
import { EvaluationResponse } from '../month-six/evaluation-response.entity';
import { Clock } from '../common/clock';
import { type Loaded, loaded } from '../common/loaded';
import { lookup } from '../common/lookup';

/** A person as the answers name them. */
const refOf = (p: { id: string; fullName: string }): PersonRef => ({ id: p.id, fullName: p.fullName });

@Injectable()
export class ExpectationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly commands: Commands,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The facts behind the expectations of many enrolments at once: five queries. */
  async facts(enrolments: (Pick<Enrolment, 'id' | 'track' | 'pauses'> & { cohort: { startDate: string } })[]): Promise<
    Map<
      string,
      ExpectationFacts & {
        attestationRows: Loaded<Attestation, 'attestedBy'>[];
        attendanceRows: Loaded<SessionAttendance, 'session'>[];
        releaseRows: ReleaseRequest[];
      }
    >
  > {
    const ids = enrolments.map((e) => e.id);
    const [attendance, release, attestations, surveys, progress] = ids.length
      ? await Promise.all([
          // Only the columns the rules and the PCN home read: notes and purposes are long, and a cohort report
          // reads this for every CCC of a cohort (the benchmark measured 30–45 % of this query's CPU saved).
          this.db.getRepository(SessionAttendance).find({
            select: {
              id: true,
              enrolmentId: true,
              sessionId: true,
              attendance: true,
              session: {
                id: true,
                kind: true,
                month: true,
                title: true,
                participants: true,
                status: true,
                startsAt: true,
                durationMinutes: true,
                staffAttendance: true,
                version: true,
              },
            },
            where: { enrolmentId: In(ids) },
            relations: { session: true },
          }),
          this.db.getRepository(ReleaseRequest).find({ where: { enrolmentId: In(ids) } }),
          this.db.getRepository(Attestation).find({ where: { enrolmentId: In(ids) }, relations: { attestedBy: true } }),
          // The CCC's own evaluation survey, when submitted (month-six): its date only, never its answers.
          this.db.getRepository(EvaluationResponse).find({
            select: { enrolmentId: true, submittedAt: true },
            where: { enrolmentId: In(ids), respondent: 'ccc', status: 'submitted' },
          }),
          progressFacts(this.db, { enrolmentIds: ids }),
        ])
      : [[], [], [], [], new Map<string, ProgressFacts>()];
    // A submitted response has its submission's instant.
    const surveyOf = new Map(
      surveys.flatMap((r) => (r.submittedAt ? [[r.enrolmentId, londonDate(r.submittedAt)] as const] : [])),
    );
    // Grouped once by CCC, so that a PCN (or Alliance) with many CCCs is not a search per CCC.
    const attendanceOf = groupBy(
      attendance.map((a) => loaded(a, 'session')),
      (a) => a.enrolmentId,
    );
    const releaseOf = groupBy(release, (r) => r.enrolmentId);
    const attestationsOf = groupBy(
      attestations.map((a) => loaded(a, 'attestedBy')),
      (a) => a.enrolmentId,
    );
    return new Map(
      enrolments.map((e) => {
        const mine = attestationsOf.get(e.id) ?? [];
        const attendanceRows = attendanceOf.get(e.id) ?? [];
        const releaseRows = releaseOf.get(e.id) ?? [];
        const facts = {
          cohortStart: e.cohort.startDate,
          track: e.track,
          pauses: e.pauses ?? [],
          surveySubmittedOn: surveyOf.get(e.id) ?? null,
          sessions: attendanceRows.map((a) => ({
            kind: a.session.kind,
            month: a.session.month,
            status: a.session.status,
            startsAt: a.session.startsAt,
            durationMinutes: a.session.durationMinutes,
            attendance: a.attendance,
            pcnSupervisorAttendance: (a.session.staffAttendance?.pcn_supervisor as 'present' | undefined) ?? null,
          })),
          release: releaseRows,
          attestations: mine.map((a) => ({
            expectationKey: a.expectationKey,
            attestedOn: a.attestedOn,
            attestedBy: a.attestedBy.fullName,
          })),
          attestationRows: mine,
          attendanceRows,
          releaseRows,
        };
        withProgress(facts, progress.get(e.id));
        return [e.id, facts];
      }),
    );
  }

  async forEnrolment(user: AuthUser, enrolmentId: string): Promise<ExpectationsResponse> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const facts = lookup(await this.facts([enrolment]), enrolment.id);
    const now = this.clock.now();
    const results = evaluateExpectations(template, facts, now, londonDate(now));
    return {
      enrolmentId,
      results,
      attestations: facts.attestationRows.map((a) => ({
        expectationKey: a.expectationKey,
        attestedOn: a.attestedOn,
        attestedBy: refOf(a.attestedBy),
        note: a.note,
      })),
      canAttest: template.expectations
        .filter((x) => x.measure.type === 'attestation' && this.access.speaksFor(user, x.party, enrolment))
        .filter((x) => !facts.attestationRows.some((a) => a.expectationKey === x.key))
        .map((x) => x.key),
    };
  }

  /** A party attests an expectation no data can show. Once only; audited. */
  async attest(user: AuthUser, enrolmentId: string, dto: AttestDto): Promise<ExpectationsResponse> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const expectation = template.expectations.find((x) => x.key === dto.expectationKey);
    if (!expectation)
      throw new Invalid([{ field: 'expectationKey', reason: 'this programme has no such expectation' }]);
    if (expectation.measure.type !== 'attestation') {
      throw new Invalid([
        { field: 'expectationKey', reason: 'this expectation is measured from the data, not attested' },
      ]);
    }
    if (!this.access.speaksFor(user, expectation.party, enrolment)) {
      throw new Forbidden(
        `Only the ${expectation.party === 'pcn' ? 'PCN supervisor' : expectation.party === 'ccc' ? 'CCC' : 'Alliance supervisor'} attests this`,
      );
    }
    if (!isIsoDate(dto.attestedOn) || dto.attestedOn > londonDate(this.clock.now())) {
      throw new Invalid([{ field: 'attestedOn', reason: 'attestedOn must be a real date, today or earlier' }]);
    }
    try {
      await this.commands.run({
        load: async () => expectation,
        enrolments: () => [enrolmentId],
        apply: ({ manager }) =>
          manager.save(
            manager.create(Attestation, {
              enrolmentId,
              expectationKey: expectation.key,
              party: expectation.party,
              attestedById: user.id,
              attestedOn: dto.attestedOn,
              note: dto.note?.trim() || null,
            }),
          ),
        audit: (_, row) => ({
          actorId: user.id,
          action: 'expectation.attested',
          entityType: 'enrolment',
          entityId: enrolmentId,
          detail: { attestationId: row.id, expectationKey: expectation.key, attestedOn: dto.attestedOn },
        }),
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new Conflict('This expectation has already been attested');
      }
      throw error;
    }
    return this.forEnrolment(user, enrolmentId);
  }

  /** The Table 2 duties of the enrolment's template, each with its attestation and whether this caller may give it. */
  async duties(user: AuthUser, enrolmentId: string): Promise<DutiesResponse> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const duties = dutiesOf(template);
    const [rows, dutyDates] = await Promise.all([
      this.db
        .getRepository(Attestation)
        .find({ where: { enrolmentId, expectationKey: In(duties.map((d) => d.key)) }, relations: { attestedBy: true } })
        .then((found) => found.map((a) => loaded(a, 'attestedBy'))),
      dutyDatesOf(this.db, { ...enrolment, cohortStart: enrolment.cohort.startDate }),
    ]);
    const today = londonDate(this.clock.now());
    return {
      enrolmentId,
      duties: duties.map((duty) => {
        const row = rows.find((r) => r.expectationKey === duty.key);
        const from = attestableFromDate(duty.attestableFrom, dutyDates);
        return {
          key: duty.key,
          party: duty.party,
          title: duty.title,
          attestableFrom: from,
          attestation: row ? { attestedOn: row.attestedOn, attestedBy: refOf(row.attestedBy), note: row.note } : null,
          canAttest:
            !row &&
            enrolment.status !== 'withdrawn' &&
            (!from || from <= today) &&
            this.access.speaksFor(user, duty.party, enrolment),
        };
      }),
    };
  }

  /**
   * The duty's party confirms it was done, on a date it could be true (not before follow-on supervision can start
   * or the appraisal's date). Once only; audited. A completed enrolment still takes the later duties, which fall
   * after the programme; a withdrawn one takes none.
   */
  async attestDuty(user: AuthUser, enrolmentId: string, key: string, dto: AttestDutyDto): Promise<DutiesResponse> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const duty = dutiesOf(template).find((d) => d.key === key);
    if (!duty) throw new NotFound(`This programme has no Table 2 duty \u201c${key.slice(0, 60)}\u201d`);
    if (!this.access.speaksFor(user, duty.party, enrolment))
      throw new Forbidden(`Only the ${duty.party === 'pcn' ? 'PCN' : 'Alliance'} supervisor confirms this duty`);
    const dates = await dutyDatesOf(this.db, { ...enrolment, cohortStart: enrolment.cohort.startDate });
    const problem =
      dto.attestedOn > londonDate(this.clock.now())
        ? 'attestedOn must be today or earlier'
        : attestationDateProblem(duty.attestableFrom, dates, dto.attestedOn);
    if (problem) throw new Invalid([{ field: 'attestedOn', reason: problem }]);
    try {
      await this.commands.run({
        // A completed enrolment still takes the later duties, so only withdrawn refuses (not the pipeline's check).
        load: async ({ manager }) => {
          const [locked] = (await manager.query(`SELECT status FROM enrolment WHERE id = $1 FOR SHARE`, [
            enrolmentId,
          ])) as { status: string }[];
          if (locked?.status === 'withdrawn') throw new Closed(WITHDRAWN_MESSAGE);
          return duty;
        },
        apply: ({ manager }) =>
          manager.save(
            manager.create(Attestation, {
              enrolmentId,
              expectationKey: duty.key,
              party: duty.party,
              attestedById: user.id,
              attestedOn: dto.attestedOn,
              note: dto.note?.trim() || null,
            }),
          ),
        audit: (_, row) => ({
          actorId: user.id,
          action: 'duty.attested',
          entityType: 'enrolment',
          entityId: enrolmentId,
          detail: { attestationId: row.id, dutyKey: duty.key, party: duty.party, attestedOn: dto.attestedOn },
        }),
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new Conflict('This duty has already been confirmed');
      throw error;
    }
    return this.duties(user, enrolmentId);
  }

  /**
   * The PCN supervisor's home: per CCC of their PCNs, slots to accept, release to confirm, attestations due,
   * the last 8 weeks of study time, the cap counter and the next joint session. A fixed number of queries.
   */
  async pcnHome(user: AuthUser): Promise<PcnHomeRow[]> {
    // Withdrawn and completed CCCs ask nothing more of the PCN supervisor: they drop off the list.
    const scoped = (await this.enrolments.readableAll(user)).filter((s) => onPcnToDoList(s.enrolment.status));
    const { facts, deciders: people } = await pcnHomeFacts(
      this.db,
      scoped.map((s) => s.enrolment.id),
    );
    const now = this.clock.now();
    const today = londonDate(now);
    return scoped.map(({ enrolment, template }) => {
      // Only the programme's weeks: none before the cohort starts or after it ends.
      const weeks = programmeChartWeeks(enrolment.cohort.startDate, template.durationMonths, today, CHART_WEEKS);
      // pcnHomeFacts holds every enrolment asked for.
      const f = lookup(facts, enrolment.id);
      const dutyDates = {
        cohortStart: enrolment.cohort.startDate,
        employmentStart: enrolment.employmentStart,
        appraisalDate: f.appraisalDate,
      };
      const rules = releaseRules(template);
      const nextJoint = f.sessions
        .filter(
          (s): s is PcnHomeSession & { startsAt: Date } =>
            s.participants.includes('pcn_supervisor') &&
            ACTIVE_BOOKING_STATUSES.includes(s.status) &&
            s.startsAt !== null &&
            s.startsAt >= now,
        )
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      return {
        enrolment: this.enrolments.summaryOf(enrolment, template),
        rules,
        // A slot offered has its start and its length, which a booking sets together.
        slotsAwaiting: f.sessions.flatMap((s) =>
          s.status === 'awaiting_pcn' && s.startsAt && s.durationMinutes !== null
            ? [
                {
                  id: s.id,
                  title: s.title,
                  startsAt: s.startsAt.toISOString(),
                  durationMinutes: s.durationMinutes,
                  version: s.version,
                },
              ]
            : [],
        ),
        releaseToConfirm: f.release.filter((r) => r.status === 'pending').map((r) => toReleaseView(r, people)),
        attestationsDue: [
          ...template.expectations
            .filter((x) => x.party === 'pcn' && x.measure.type === 'attestation')
            .map((x) => ({ key: x.key, title: x.title })),
          // The PCN's Table 2 duties that can be confirmed by now.
          ...dutiesOf(template, 'pcn')
            .filter((d) => {
              const from = attestableFromDate(d.attestableFrom, dutyDates);
              return !from || from <= today;
            })
            .map((d) => ({ key: d.key, title: d.title, duty: true })),
        ].filter((x) => !f.attested.has(x.key)),
        weeks: rules ? studyWeeks(f.release, weeks, rules) : [],
        confirmedReleaseMinutes: confirmedReleaseMinutes(f.release),
        totalReleaseMinutes: rules && Number.isFinite(rules.totalReleaseMinutes) ? rules.totalReleaseMinutes : null,
        nextJoint: nextJoint
          ? {
              id: nextJoint.id,
              title: nextJoint.title,
              startsAt: nextJoint.startsAt.toISOString(),
              status: displayStatus(
                { ...nextJoint, monthEndsBefore: monthBounds(enrolment.cohort.startDate, nextJoint.month).endsBefore },
                now,
              ),
            }
          : null,
      };
    });
  }
}
