import ExcelJS from 'exceljs';
import type { CohortReport } from '@ccc/contracts';
import { dateWords, LIKERT_LABELS, LIKERT_LEVELS, type LikertLevel, londonDateTimeWords } from '@ccc/programme';
import { writeLongCsv } from '../common/csv';
import type { PdfCell } from '../common/tagged-pdf';
import { TaggedPdf } from '../common/tagged-pdf';

/** One table of the report, as every export writes it: so the CSV, the workbook and the PDF agree. */
export interface ReportTable {
  title: string;
  /** Excel allows 31 characters and no `/ \ ? * [ ] :`. */
  sheet: string;
  columns: string[];
  rows: PdfCell[][];
  note?: string;
  /** PDF column widths, where the first-column-takes-the-rest default does not suit (long free text). */
  pdfWidths?: (number | '*')[];
  /** Columns holding calendar dates (`YYYY-MM-DD`): real dates in the workbook, so they sort and filter as dates. */
  dateColumns?: number[];
}

const PARTY_LABELS = { alliance: 'Alliance', pcn: 'PCN', ccc: 'CCC' } as const;
const RESPONDENT_LABELS = { ccc: 'CCCs', pcn_supervisor: 'PCN supervisors' } as const;

/** The report as tables, in the order a board reads it. */
export function reportTables(report: CohortReport): ReportTable[] {
  const { total } = report.enrolment;
  const months = report.outcomes[0]?.byMonth.length ?? 0;
  return [
    {
      title: 'Enrolment and completion',
      sheet: 'Enrolment',
      columns: [
        'Cohort',
        'Start date',
        'Enrolled',
        'Supervision track',
        'Training track',
        'Active',
        'Completed',
        'Withdrawn',
        'Completed %',
      ],
      rows: [
        ...report.enrolment.cohorts.map((c) => [
          c.cohortName,
          c.startDate,
          c.enrolled,
          c.supervisionTrack,
          c.trainingTrack,
          c.active,
          c.completed,
          c.withdrawn,
          c.completedPercent,
        ]),
        [
          'All cohorts',
          null,
          total.enrolled,
          total.supervisionTrack,
          total.trainingTrack,
          total.active,
          total.completed,
          total.withdrawn,
          total.completedPercent,
        ],
      ],
      dateColumns: [1],
    },
    {
      title: 'Sessions against each party\u2019s expectations',
      sheet: 'Sessions',
      columns: [
        'Party',
        'Expectation',
        'Counted as',
        'Delivered',
        'Expected',
        'Delivered %',
        'CCCs met',
        'CCCs counted',
        'CCCs: target not in the plan',
        'Template warning',
        'Not held: never booked',
        'Did not attend',
      ],
      rows: report.sessions.map((s) => [
        PARTY_LABELS[s.party],
        s.title,
        s.measure === 'held' ? 'sessions held' : 'sessions attended of those held',
        s.delivered,
        s.expected,
        s.deliveredPercent,
        s.enrolmentsMet,
        s.enrolmentsCounted,
        s.enrolmentsNotInPlan,
        s.warning ?? '',
        s.notHeld,
        s.didNotAttend,
      ]),
      note: 'Expected counts only the CCCs whose track plans such sessions.',
    },
    {
      title: 'Competencies and training',
      sheet: 'Competencies and training',
      columns: ['Measure', 'Value'],
      rows: [
        ['CCCs', report.development.cccs],
        ['Competencies signed off', report.development.competenciesSignedOff],
        ['CCCs with at least one competency signed off', report.development.cccsWithASignOff],
        ['Training plan items', report.development.trainingItems],
        ['Training plan items completed', report.development.trainingCompleted],
        ['Training completed %', report.development.trainingCompletedPercent],
      ],
    },
    {
      title: 'Release time confirmed by the PCNs',
      sheet: 'Release time',
      columns: ['PCN', 'CCCs', 'Confirmed hours', 'Pending requests', 'Declined requests'],
      rows: report.release.map((r) => [r.pcnName, r.cccs, r.confirmedHours, r.pendingRequests, r.declinedRequests]),
    },
    {
      title: 'Wider workforce at the conference',
      sheet: 'Wider workforce',
      columns: ['Role', 'Registered', 'Attended'],
      rows: [
        ...report.widerWorkforce.rows.map((r) => [r.label, r.registered, r.present]),
        ['All roles', report.widerWorkforce.registered, report.widerWorkforce.present],
      ],
      note: 'Care navigators, cancer support workers, social prescribers, therapy and health care assistants without programme accounts.',
    },
    {
      title: 'Evaluation survey: responses',
      sheet: 'Survey responses',
      columns: ['Respondents', 'Submitted'],
      rows: (['ccc', 'pcn_supervisor'] as const).map((r) => [RESPONDENT_LABELS[r], report.survey.responses[r]]),
    },
    {
      title: 'Evaluation survey: % agreed or strongly agreed',
      sheet: 'Survey',
      columns: [
        'Statement',
        'Asked of',
        'Answering',
        '% agreed or strongly agreed',
        ...LIKERT_LEVELS.map((l) => LIKERT_LABELS[l]),
      ],
      rows: report.survey.statements.map((s) => [
        s.text,
        s.respondents.map((r) => RESPONDENT_LABELS[r]).join(', '),
        s.answering,
        s.percentAgreed ?? s.display,
        ...LIKERT_LEVELS.map((level) => s.distribution?.[level] ?? null),
      ]),
      note: 'Fewer than 5 answers: the figures are withheld so that no one can be recognised.',
    },
    {
      title: 'Outcomes recorded by the CCCs',
      sheet: 'Outcomes',
      columns: [
        'Measure',
        'Unit',
        'Total',
        'CCCs reporting',
        ...Array.from({ length: months }, (_, i) => `Month ${i + 1}`),
      ],
      rows: report.outcomes.map((o) => [o.label, o.unit, o.total, o.cccsReporting, ...o.byMonth]),
    },
    {
      title: 'Outcomes: baseline and change',
      sheet: 'Outcome change',
      columns: [
        'Measure',
        'Unit',
        'CCCs',
        'Baseline',
        'Latest',
        'Change',
        'Change % of baseline',
        'Median CCC baseline',
        'Median CCC change',
        'Whole period',
        'Reviews audited',
      ],
      rows: report.outcomeChanges.map((o) => [
        o.label,
        o.unit,
        o.cccs,
        o.baseline,
        o.latest,
        o.change,
        o.changePercent,
        o.medianBaseline,
        o.medianChange,
        o.overall,
        o.overallOf,
      ]),
      note:
        'Baseline: each CCC\u2019s first recording, added up; latest: their last; change: latest minus baseline. ' +
        'Shares (%) are of the reviews audited in the same month, pooled, their change in percentage points.',
    },
    {
      title: 'Quotes respondents allowed to be shared',
      sheet: 'Quotes',
      columns: ['Question', 'Quote'],
      rows: report.quotes.map((q) => [q.question, q.text]),
      pdfWidths: [200, '*'],
    },
  ];
}

function filtersLine(report: CohortReport): string {
  const { cohort, pcn, from, to } = report.filters;
  const parts = [
    cohort ? `Cohort: ${cohort.name}` : 'All cohorts in your scope',
    pcn ? `PCN: ${pcn.name}` : null,
    from || to
      ? `Cohorts starting ${from ? `from ${dateWords(from)}` : ''}${from && to ? ' ' : ''}${to ? `to ${dateWords(to)}` : ''}`
      : null,
    // UK time, as the people reading it keep it (BST in summer), not UTC.
    `Generated ${londonDateTimeWords(new Date(report.generatedAt))}`,
  ];
  return parts.filter(Boolean).join(' \u00b7 ');
}

/**
 * One CSV, one tidy long table (Table, Row, Row label, Column, Value): the report's tables differ in width, and
 * stacked in one file they read as one ragged table. A long table stays a single file that filters and pivots as
 * it is; the workbook keeps the side-by-side layout, a sheet per table. Names and quotes cannot be formulas.
 */
export function reportCsv(report: CohortReport): string {
  return writeLongCsv(reportTables(report));
}

/** Midnight UTC of a calendar date: exceljs stores a Date as its UTC serial, so the cell shows that very day. */
const excelDate = (value: string) => new Date(`${value}T00:00:00Z`);

/** A workbook with one sheet per table; percentages as numbers, withheld ones as the words, dates as dates. */
export async function reportXlsx(report: CohortReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCC programme service';
  workbook.created = new Date(report.generatedAt);
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow(table.columns).font = { bold: true };
    const dates = new Set(table.dateColumns ?? []);
    for (const row of table.rows)
      sheet.addRow(row.map((cell, i) => (dates.has(i) && typeof cell === 'string' ? excelDate(cell) : (cell ?? null))));
    // UK order, as people here read a date; the cell holds the date itself, whatever the format.
    for (const i of dates) sheet.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 48 : Math.max(12, Math.min(40, (table.columns[i] ?? '').length + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The survey's answer levels as the SPA colours them, strongly disagree to strongly agree. */
const LIKERT_COLOURS: Record<LikertLevel, string> = {
  strongly_disagree: '#d5281b',
  disagree: '#ed8b00',
  neither: '#aeb7bd',
  agree: '#41b6e6',
  strongly_agree: '#005eb8',
};

/** Delivered against expected, one bar per expectation: the numbers are in the table, the bars show the shape. */
function sessionsChart(pdf: TaggedPdf, report: CohortReport) {
  const rows = report.sessions.filter((s) => s.expected > 0);
  if (!rows.length) return;
  const label = 230;
  const bar = 12;
  const alt = `Bar chart of sessions delivered against expected: ${rows
    .map((s) => `${PARTY_LABELS[s.party]} ${s.title}, ${s.delivered} of ${s.expected}`)
    .join('; ')}.`;
  pdf.heading(3, 'Chart: sessions delivered against expected').figure(alt, rows.length * (bar + 6) + 4, (doc, box) => {
    const width = box.width - label - 90;
    rows.forEach((s, i) => {
      const y = box.y + i * (bar + 6);
      const share = Math.min(1, s.delivered / s.expected);
      doc.font('regular').fontSize(8).fillColor('#212b32');
      doc.text(`${PARTY_LABELS[s.party]}: ${s.title}`, box.x, y + 2, {
        width: label - 8,
        height: bar,
        ellipsis: true,
        lineBreak: false,
      });
      doc.rect(box.x + label, y, width, bar).fill('#e8edee');
      if (share > 0) doc.rect(box.x + label, y, width * share, bar).fill('#005eb8');
      doc
        .fillColor('#212b32')
        .text(`${s.delivered} of ${s.expected}`, box.x + label + width + 6, y + 2, { lineBreak: false });
    });
  });
}

/** One stacked bar per statement with five or more answers, strongly disagree (left) to strongly agree (right). */
function surveyChart(pdf: TaggedPdf, report: CohortReport) {
  const rows = report.survey.statements.flatMap(({ text, distribution }) =>
    distribution ? [{ text, distribution }] : [],
  );
  if (!rows.length) return;
  const label = 300;
  const bar = 12;
  const key = 16;
  const alt = `Stacked bar chart of the survey answers: ${rows
    .map(
      (s) =>
        `${s.text}: ${[...LIKERT_LEVELS]
          .reverse()
          .map((l) => `${LIKERT_LABELS[l]} ${s.distribution[l] ?? 0}`)
          .join(', ')}`,
    )
    .join('; ')}.`;
  pdf.heading(3, 'Chart: survey answers').figure(alt, key + rows.length * (bar + 8) + 4, (doc, box) => {
    const width = box.width - label;
    let x = box.x + label;
    doc.font('regular').fontSize(8);
    for (const level of LIKERT_LEVELS) {
      doc.rect(x, box.y, 8, 8).fill(LIKERT_COLOURS[level]);
      doc.fillColor('#212b32').text(LIKERT_LABELS[level], x + 11, box.y, { lineBreak: false });
      x += 11 + doc.widthOfString(LIKERT_LABELS[level]) + 12;
    }
    rows.forEach((s, i) => {
      const y = box.y + key + i * (bar + 8);
      const total = LIKERT_LEVELS.reduce((n, l) => n + (s.distribution[l] ?? 0), 0);
      doc
        .fillColor('#212b32')
        .text(s.text, box.x, y + 2, { width: label - 8, height: bar, ellipsis: true, lineBreak: false });
      let at = box.x + label;
      for (const level of LIKERT_LEVELS) {
        const w = total > 0 ? ((s.distribution[level] ?? 0) / total) * width : 0;
        if (w > 0) doc.rect(at, y, w, bar).fill(LIKERT_COLOURS[level]);
        at += w;
      }
    });
  });
}

/**
 * A printable, tagged PDF (landscape A4): the tables with their titles as headings, the sessions and the survey
 * also as vector charts (Figures with their numbers as alternative text), the filters and a UK time in the heading.
 */
export function reportPdf(report: CohortReport): Promise<Buffer> {
  const pdf = new TaggedPdf({
    title: 'Cohort report',
    subject: filtersLine(report),
    landscape: true,
    fontSize: 9,
    runningHeader: 'Cohort report',
    footerLeft: `Generated ${londonDateTimeWords(new Date(report.generatedAt))}`,
  });
  pdf.heading(1, 'Cohort report').paragraph(filtersLine(report), { small: true, gap: 10 });
  for (const table of reportTables(report)) {
    pdf.heading(2, table.title);
    // On paper a share reads as one: 83 in a "%" column prints as 83%.
    // Dates in words, as everywhere else on paper ("6 May 2026").
    const percent = table.columns.map((c) => c.includes('%'));
    const dates = new Set(table.dateColumns ?? []);
    const rows = table.rows.map((row) =>
      row.map((cell, i) =>
        percent[i] && typeof cell === 'number'
          ? `${cell}%`
          : dates.has(i) && typeof cell === 'string' && cell
            ? dateWords(cell)
            : cell,
      ),
    );
    pdf.table(table.columns, rows, { widths: table.pdfWidths, empty: 'Nothing recorded yet.', fontSize: 8 });
    if (table.note) pdf.paragraph(table.note, { small: true, gap: 6 });
    if (table.sheet === 'Sessions') sessionsChart(pdf, report);
    if (table.sheet === 'Survey') surveyChart(pdf, report);
  }
  return pdf.end();
}
