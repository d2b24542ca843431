import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  dateWords,
  HANDOVER_PARTY_LABELS,
  londonDate,
  programmeEndsBefore,
  type SessionKind,
  signOffEvents,
} from '@ccc/programme';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { type PdfCellValue, TaggedPdf } from '../common/tagged-pdf';
import { HandoverInterview } from '../month-six/handover-interview.entity';
import { Person } from '../people/person.entity';
import { loadSignOffFacts } from '../sign-offs/sign-off-facts';
import { CompetencyContextService } from './competency-context.service';
import { CompetencyProgress } from './competency-progress.entity';
import { CompetencyReview } from './competency-review.entity';
import { Tna } from './tna.entity';
import { TrainingPlanItem } from './training-plan-item.entity';
import { Clock } from '../common/clock';
import { lookup } from '../common/lookup';

const KIND_WORDS: Record<SessionKind, string> = {
  individual: 'Individual supervision',
  group: 'Group supervision',
  joint: 'Joint session',
  tna: 'Training needs analysis',
  conference: 'Conference',
  handover: 'Handover and evaluation',
  teaching: 'Group teaching',
};
const STATE_WORDS = {
  not_started: 'Not started',
  working_towards: 'Working towards',
  evidence_submitted: 'Evidence submitted',
  signed_off: 'Signed off',
} as const;
const ITEM_WORDS = { course: 'Course', group_teaching: 'Group teaching', free: 'Other' } as const;

const PARTY_WORDS = { ccc: 'the CCC', pcn: 'PCN', alliance: 'Alliance' } as const;
/** Minutes as hours and minutes: "1 h 30 min". */
const hours = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
};
/** "6 April 2027": a calendar date as it is, an instant as its day in Europe/London (not the server's zone). */
const day = (date: Date | string) => dateWords(typeof date === 'string' ? date.slice(0, 10) : londonDate(date));

/**
 * The CCC's portable record as a PDF (A4): competencies with their sign-offs, training done, the TNA signatures,
 * the sessions attended, and from the same sign-off events as the timeline (#24) the release time decided, the
 * attestations and the handover with its signatures and amendments, for an appraisal or a new employer. A fixed
 * number of queries whatever the record's size.
 */
@Injectable()
export class RecordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CompetencyContextService,
    private readonly clock: Clock,
  ) {}

  async pdf(user: AuthUser, enrolmentId: string): Promise<{ content: Buffer; fileName: string }> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    const { enrolment, framework, frameworkRow, template } = ctx;
    const progress = await this.db.getRepository(CompetencyProgress).find({ where: { enrolmentId } });
    const signedIds = progress.filter((p) => p.state === 'signed_off').map((p) => p.id);
    const reviews = signedIds.length
      ? await this.db
          .getRepository(CompetencyReview)
          .find({ where: { progressId: In(signedIds) }, order: { createdAt: 'ASC' } })
      : [];
    const items = await this.db.getRepository(TrainingPlanItem).find({
      where: { enrolmentId },
      order: { completedOn: 'ASC', targetMonth: 'ASC' },
    });
    const tnas = await this.db.getRepository(Tna).find({ where: { enrolmentId }, order: { round: 'ASC' } });
    const sessions: { title: string; kind: SessionKind; starts_at: Date | null; month: number }[] = await this.db.query(
      `SELECT s.title, s.kind, s.starts_at, s.month FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.enrolment_id = $1 AND a.attendance = 'present' AND s.status = 'completed'
        ORDER BY s.starts_at NULLS LAST, s.month`,
      [enrolmentId],
    );
    // The same events the timeline and the sign-offs page read, so the record cannot tell a different story.
    const facts = lookup(
      await loadSignOffFacts(this.db, [
        { id: enrolmentId, status: enrolment.status, cohortStart: enrolment.cohort.startDate, template },
      ]),
      enrolmentId,
    );
    const events = signOffEvents(facts);
    const handover = await this.db.getRepository(HandoverInterview).findOne({ where: { enrolmentId } });
    const personIds = [
      ...reviews.map((r) => r.reviewerId),
      ...tnas.flatMap((t) => [t.cccSignedById, t.supervisorSignedById]),
    ].filter((id): id is string => !!id);
    const people = personIds.length
      ? new Map((await this.db.getRepository(Person).find({ where: { id: In(personIds) } })).map((p) => [p.id, p]))
      : new Map<string, Person>();

    const byCode = new Map(progress.map((p) => [p.competencyCode, p]));
    const signOffOf = new Map<string, CompetencyReview>();
    for (const review of reviews) if (review.outcome === 'signed_off') signOffOf.set(review.progressId, review);
    const done = items.filter((i): i is typeof i & { completedOn: string } => i.completedOn !== null);
    const { cohort } = enrolment;
    const lastDay = addCalendarDays(programmeEndsBefore(cohort.startDate, template.durationMonths), -1);
    const name = enrolment.ccc.fullName;
    const signedCount = signedIds.length;
    const total = framework.domains.reduce((n, d) => n + d.competencies.length, 0);

    const releases = events.filter((e) => e.kind === 'release');
    const confirmedMinutes = releases
      .filter((r) => r.decision === 'confirmed')
      .reduce((sum, r) => sum + (r.minutes ?? 0), 0);
    const attestations = events.filter((e) => e.kind === 'attestation');
    const handoverSignatures = events.filter((e) => e.kind === 'handover');
    const amendments = events.filter((e) => e.kind === 'amendment');

    const pdf = new TaggedPdf({
      title: `Training and competency record: ${name}`,
      subject: `${framework.name}, version ${frameworkRow.version}`,
      runningHeader: `${name}: training and competency record`,
      footerLeft: `Produced ${dateWords(londonDate(this.clock.now()))}`,
    });
    pdf
      .paragraph('Training and competency record', { small: true, gap: 2 })
      .heading(1, name)
      .paragraph(`Cancer Care Coordinator, ${enrolment.pcn.name}`, { gap: 0 })
      .paragraph(`${cohort.name}: ${day(cohort.startDate)} to ${day(lastDay)} (${enrolment.track} track)`, { gap: 0 })
      .paragraph(`Alliance supervisor: ${enrolment.allianceSupervisor?.fullName ?? 'not assigned'}`, { gap: 0 })
      .paragraph(`PCN supervisor: ${enrolment.pcnSupervisor?.fullName ?? 'not assigned'}`, { gap: 8 })
      .paragraph(
        `${signedCount} of ${total} competencies signed off · ${done.length} training item${done.length === 1 ? '' : 's'} done · ${sessions.length} session${sessions.length === 1 ? '' : 's'} attended`,
        { bold: true },
      )
      .paragraph(
        `Framework: ${framework.name}, version ${frameworkRow.version}. Scale: ${framework.scale
          .map((l) => `${l.value} ${l.label}`)
          .join(', ')}.`,
        { small: true },
      )
      .heading(2, 'Competencies');
    for (const domain of framework.domains)
      pdf.heading(3, domain.title).table(
        ['Code', 'Competency', 'State', 'Sign-off'],
        domain.competencies.map((competency): PdfCellValue[] => {
          const row = byCode.get(competency.code);
          const signOff = row ? signOffOf.get(row.id) : undefined;
          const level = framework.scale.find((l) => l.value === signOff?.rating);
          return [
            [{ text: competency.code, small: true }],
            competency.title,
            [{ text: STATE_WORDS[row?.state ?? 'not_started'], bold: row?.state === 'signed_off' }],
            signOff
              ? [
                  { text: `${level ? `${level.value} ${level.label}` : signOff.rating}`, bold: true },
                  { text: `${people.get(signOff.reviewerId)?.fullName ?? 'Unknown'}, ${day(signOff.createdAt)}` },
                  ...(signOff.comment ? [{ text: signOff.comment, italic: true, small: true }] : []),
                ]
              : null,
          ];
        }),
        { widths: [48, '*', 78, 150] },
      );

    pdf.heading(2, 'Training done');
    for (const t of tnas)
      pdf.paragraph(
        `TNA ${t.round}: ${
          t.cccSignedAt && t.supervisorSignedAt
            ? `signed by ${people.get(t.cccSignedById ?? '')?.fullName ?? 'the CCC'} on ${day(t.cccSignedAt)} and by ${
                people.get(t.supervisorSignedById ?? '')?.fullName ?? 'the Alliance supervisor'
              } on ${day(t.supervisorSignedAt)}`
            : 'not yet signed by both'
        }.`,
      );
    pdf.table(
      ['Date', 'Training', 'Kind', 'Competencies'],
      done.map((item) => [
        day(item.completedOn),
        item.completedVia === 'attendance' ? `${item.title} (attendance recorded)` : item.title,
        ITEM_WORDS[item.kind],
        [{ text: item.competencyCodes.join(', '), small: true }],
      ]),
      { widths: [80, '*', 80, 110] },
    );

    pdf.heading(2, 'Sessions attended').table(
      ['Date', 'Session', 'Kind'],
      sessions.map((s) => [
        s.starts_at ? day(new Date(s.starts_at)) : `Month ${s.month}`,
        s.title,
        KIND_WORDS[s.kind] ?? s.kind,
      ]),
      { widths: [80, '*', 140] },
    );

    const declined = releases.filter((r) => r.decision === 'declined').length;
    pdf
      .heading(2, 'Release time')
      .paragraph(
        `${hours(confirmedMinutes)} confirmed by the PCN, ${declined} request${declined === 1 ? '' : 's'} declined.`,
      )
      .table(
        ['Date', 'For', 'Time', 'Decision', 'Decided by'],
        releases.map((r) => [
          r.date ? day(r.date) : '',
          r.reason ? [{ text: r.description ?? '' }, { text: r.reason, small: true }] : (r.description ?? ''),
          hours(r.minutes ?? 0),
          r.decision === 'confirmed' ? 'Confirmed' : 'Declined',
          `${r.by?.fullName ?? 'Unknown'}, ${day(new Date(r.at))}`,
        ]),
        { widths: [80, '*', 60, 60, 120] },
      );

    pdf.heading(2, 'Attestations').table(
      ['Date', 'Attested', 'By'],
      attestations.map((a) => [
        day(new Date(a.at)),
        a.reason ? [{ text: a.summary }, { text: a.reason, small: true }] : a.summary,
        `${a.by?.fullName ?? 'Unknown'} (${PARTY_WORDS[a.party ?? 'alliance']})`,
      ]),
      { widths: [80, '*', 140] },
    );

    pdf.heading(2, 'Handover and evaluation');
    if (handover) {
      const answers = [
        ['PCN priorities', handover.pcnPriorities],
        ['How the role developed', handover.roleDevelopment],
        ['Evaluation of the role', handover.roleEvaluation],
        ['Follow-on supervisor', handover.followOnSupervisorName],
        ['1-year appraisal', handover.appraisalDate ? day(handover.appraisalDate) : null],
        [
          'Training agreed',
          handover.trainingAgreed.length
            ? handover.trainingAgreed.map((t) => `${t.title} (month ${t.targetMonth} after)`).join('; ')
            : null,
        ],
      ] as const;
      for (const [label, value] of answers)
        pdf.paragraph([{ text: `${label}: `, bold: true }, { text: value ?? 'not written' }], { gap: 3 });
      pdf.table(
        ['Signed as', 'By and when'],
        (['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const).map((party) => {
          const signed = handoverSignatures.find((e) => e.signature === party);
          return [
            HANDOVER_PARTY_LABELS[party],
            signed ? `${signed.by?.fullName ?? 'Unknown'}, ${day(new Date(signed.at))}` : 'Not signed yet',
          ];
        }),
        { widths: [130, '*'] },
      );
    } else pdf.paragraph('Not written yet.', { italic: true, small: true });

    pdf.heading(3, 'Amendments').table(
      ['Date', 'Record', 'Reason', 'By'],
      amendments.map((a) => [day(new Date(a.at)), a.amendedRecord ?? '', a.reason ?? '', a.by?.fullName ?? 'Unknown']),
      { widths: [80, 80, '*', 110] },
    );
    const doc = await pdf.end();
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'ccc';
    return { content: doc, fileName: `record-${slug}-${londonDate(this.clock.now())}.pdf` };
  }
}
