import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  HANDOVER_PARTY_LABELS,
  londonDate,
  programmeEndsBefore,
  type SessionKind,
  signOffEvents,
} from '@ccc/programme';
import { format, parseISO } from 'date-fns';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { renderPdf } from '../common/pdf';
import { HandoverInterview } from '../month-six/handover-interview.entity';
import { Person } from '../people/person.entity';
import { loadSignOffFacts } from '../sign-offs/sign-off-facts';
import { CompetencyContextService } from './competency-context.service';
import { CompetencyProgress } from './competency-progress.entity';
import { CompetencyReview } from './competency-review.entity';
import { Tna } from './tna.entity';
import { TrainingPlanItem } from './training-plan-item.entity';

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
const day = (date: Date | string) => format(typeof date === 'string' ? parseISO(date) : date, 'd MMM yyyy');
const NHS_BLUE = '#005eb8';
const GREY = '#4c6272';

/** The table style: ruled rows, a shaded header, no vertical lines (reads well printed in grey). */
const table = (widths: (string | number)[], header: string[], rows: TableCell[][]): Content =>
  rows.length === 0
    ? { text: 'None yet.', italics: true, color: GREY, margin: [0, 2, 0, 8] }
    : {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths,
          body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
        },
        layout: {
          hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
          vLineWidth: () => 0,
          hLineColor: () => '#aeb7bd',
          fillColor: (row: number) => (row === 0 ? '#e8edee' : null),
          paddingTop: () => 4,
          paddingBottom: () => 4,
        },
        margin: [0, 2, 0, 10],
      };

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
    const facts = (
      await loadSignOffFacts(this.db, [
        { id: enrolmentId, status: enrolment.status, cohortStart: enrolment.cohort!.startDate, template },
      ])
    ).get(enrolmentId)!;
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
    const done = items.filter((i) => i.completedOn !== null);
    const cohort = enrolment.cohort!;
    const lastDay = addCalendarDays(programmeEndsBefore(cohort.startDate, template.durationMonths), -1);
    const name = enrolment.ccc!.fullName;
    const signedCount = signedIds.length;
    const total = framework.domains.reduce((n, d) => n + d.competencies.length, 0);

    const releases = events.filter((e) => e.kind === 'release');
    const confirmedMinutes = releases
      .filter((r) => r.decision === 'confirmed')
      .reduce((sum, r) => sum + (r.minutes ?? 0), 0);
    const attestations = events.filter((e) => e.kind === 'attestation');
    const handoverSignatures = events.filter((e) => e.kind === 'handover');
    const amendments = events.filter((e) => e.kind === 'amendment');

    const competencySections: Content[] = framework.domains.flatMap((domain): Content[] => [
      { text: domain.title, style: 'h3', headlineLevel: 1 },
      table(
        [48, '*', 78, 150],
        ['Code', 'Competency', 'State', 'Sign-off'],
        domain.competencies.map((competency) => {
          const row = byCode.get(competency.code);
          const signOff = row ? signOffOf.get(row.id) : undefined;
          const level = framework.scale.find((l) => l.value === signOff?.rating);
          return [
            { text: competency.code, style: 'code' },
            { text: competency.title },
            { text: STATE_WORDS[row?.state ?? 'not_started'], bold: row?.state === 'signed_off' },
            signOff
              ? {
                  stack: [
                    { text: `${level ? `${level.value} ${level.label}` : signOff.rating}`, bold: true },
                    { text: `${people.get(signOff.reviewerId)?.fullName ?? 'Unknown'}, ${day(signOff.createdAt)}` },
                    { text: signOff.comment, italics: true, color: GREY, fontSize: 8 },
                  ],
                }
              : { text: '' },
          ];
        }),
      ),
    ]);

    const tnaLines: Content[] = tnas.map((t) => ({
      text: `TNA ${t.round}: ${
        t.cccSignedAt && t.supervisorSignedAt
          ? `signed by ${people.get(t.cccSignedById ?? '')?.fullName ?? 'the CCC'} on ${day(t.cccSignedAt)} and by ${
              people.get(t.supervisorSignedById ?? '')?.fullName ?? 'the Alliance supervisor'
            } on ${day(t.supervisorSignedAt)}`
          : 'not yet signed by both'
      }.`,
      margin: [0, 0, 0, 4],
    }));

    // Printed through the shared helper (Roboto, A4, no file or URL access); this document's own layout and styles.
    const doc = await renderPdf({
      pageSize: 'A4',
      pageMargins: [40, 56, 40, 48],
      // A heading is not left at the foot of a page: it moves over with the start of its table.
      pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length < 12,
      info: {
        title: `Training and competency record: ${name}`,
        author: 'CCC supervision and training programme',
        subject: `${framework.name}, version ${frameworkRow.version}`,
      },
      defaultStyle: { fontSize: 9.5, lineHeight: 1.15 },
      styles: {
        h1: { fontSize: 18, bold: true, color: NHS_BLUE, margin: [0, 0, 0, 2] },
        h2: { fontSize: 13, bold: true, color: NHS_BLUE, margin: [0, 14, 0, 6] },
        h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
        th: { bold: true, fontSize: 9 },
        code: { fontSize: 8.5, color: GREY },
        small: { fontSize: 8.5, color: GREY },
      },
      header: (page: number) =>
        page === 1
          ? null
          : {
              text: `${name}: training and competency record`,
              style: 'small',
              margin: [40, 24, 40, 0],
            },
      footer: (page: number, pages: number) => ({
        columns: [
          { text: `Produced ${day(londonDate(new Date()))}`, style: 'small' },
          { text: `Page ${page} of ${pages}`, style: 'small', alignment: 'right' },
        ],
        margin: [40, 16, 40, 0],
      }),
      content: [
        { text: 'Training and competency record', style: 'small' },
        { text: name, style: 'h1' },
        {
          columns: [
            {
              width: '*',
              stack: [
                `Cancer Care Coordinator, ${enrolment.pcn!.name}`,
                `${cohort.name}: ${day(cohort.startDate)} to ${day(lastDay)} (${enrolment.track} track)`,
              ],
            },
            {
              width: '*',
              stack: [
                `Alliance supervisor: ${enrolment.allianceSupervisor?.fullName ?? 'not assigned'}`,
                `PCN supervisor: ${enrolment.pcnSupervisor?.fullName ?? 'not assigned'}`,
              ],
            },
          ],
          margin: [0, 4, 0, 8],
        },
        {
          text: `${signedCount} of ${total} competencies signed off · ${done.length} training item${done.length === 1 ? '' : 's'} done · ${sessions.length} session${sessions.length === 1 ? '' : 's'} attended`,
          bold: true,
          margin: [0, 0, 0, 4],
        },
        {
          text: `Framework: ${framework.name}, version ${frameworkRow.version}. Scale: ${framework.scale
            .map((l) => `${l.value} ${l.label}`)
            .join(', ')}.`,
          style: 'small',
        },
        { text: 'Competencies', style: 'h2' },
        ...competencySections,
        { text: 'Training done', style: 'h2', headlineLevel: 1 },
        ...tnaLines,
        table(
          [70, '*', 80, 110],
          ['Date', 'Training', 'Kind', 'Competencies'],
          done.map((item) => [
            day(item.completedOn!),
            item.completedVia === 'attendance' ? `${item.title} (attendance recorded)` : item.title,
            ITEM_WORDS[item.kind],
            { text: item.competencyCodes.join(', '), style: 'code' },
          ]),
        ),
        { text: 'Sessions attended', style: 'h2', headlineLevel: 1 },
        table(
          [70, '*', 140],
          ['Date', 'Session', 'Kind'],
          sessions.map((s) => [
            s.starts_at ? day(new Date(s.starts_at)) : `Month ${s.month}`,
            s.title,
            KIND_WORDS[s.kind] ?? s.kind,
          ]),
        ),
        { text: 'Release time', style: 'h2', headlineLevel: 1 },
        {
          text: `${hours(confirmedMinutes)} confirmed by the PCN, ${releases.filter((r) => r.decision === 'declined').length} request${releases.filter((r) => r.decision === 'declined').length === 1 ? '' : 's'} declined.`,
          margin: [0, 0, 0, 4],
        },
        table(
          [70, '*', 50, 60, 110],
          ['Date', 'For', 'Time', 'Decision', 'Decided by'],
          releases.map((r) => [
            day(r.date!),
            r.reason ? { stack: [r.description ?? '', { text: r.reason, style: 'small' }] } : (r.description ?? ''),
            hours(r.minutes ?? 0),
            r.decision === 'confirmed' ? 'Confirmed' : 'Declined',
            `${r.by?.fullName ?? 'Unknown'}, ${day(new Date(r.at))}`,
          ]),
        ),
        { text: 'Attestations', style: 'h2', headlineLevel: 1 },
        table(
          [70, '*', 140],
          ['Date', 'Attested', 'By'],
          attestations.map((a) => [
            day(new Date(a.at)),
            a.reason ? { stack: [a.summary, { text: a.reason, style: 'small' }] } : a.summary,
            `${a.by?.fullName ?? 'Unknown'} (${PARTY_WORDS[a.party ?? 'alliance']})`,
          ]),
        ),
        { text: 'Handover and evaluation', style: 'h2', headlineLevel: 1 },
        ...(handover
          ? [
              ...(
                [
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
                ] as const
              ).map(([label, value]): Content => ({
                text: [{ text: `${label}: `, bold: true }, value ?? 'not written'],
                margin: [0, 0, 0, 3],
              })),
              table(
                [130, '*'],
                ['Signed as', 'By and when'],
                (['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const).map((party) => {
                  const signed = handoverSignatures.find((e) => e.signature === party);
                  return [
                    HANDOVER_PARTY_LABELS[party],
                    signed ? `${signed.by?.fullName ?? 'Unknown'}, ${day(new Date(signed.at))}` : 'Not signed yet',
                  ];
                }),
              ),
            ]
          : [{ text: 'Not written yet.', italics: true, color: GREY } as Content]),
        { text: 'Amendments', style: 'h3' },
        table(
          [70, 80, '*', 110],
          ['Date', 'Record', 'Reason', 'By'],
          amendments.map((a) => [
            day(new Date(a.at)),
            a.amendedRecord ?? '',
            a.reason ?? '',
            a.by?.fullName ?? 'Unknown',
          ]),
        ),
      ],
    });
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'ccc';
    return { content: doc, fileName: `record-${slug}-${londonDate(new Date())}.pdf` };
  }
}
