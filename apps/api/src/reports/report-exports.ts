import ExcelJS from 'exceljs';
import type { CohortReport } from '@ccc/contracts';
import { LIKERT_LABELS, LIKERT_LEVELS } from '@ccc/programme';
import type { Content } from 'pdfmake/interfaces';
import { writeLongCsv } from '../common/csv';
import { type PdfCell, pdfTable, renderPdf } from '../common/pdf';

/** One table of the report, as every export writes it: so the CSV, the workbook and the PDF agree. */
export interface ReportTable {
  title: string;
  /** Excel allows 31 characters and no `/ \ ? * [ ] :`. */
  sheet: string;
  columns: string[];
  rows: PdfCell[][];
  note?: string;
  /** PDF column widths, where the first-column-takes-the-rest default does not suit (long free text). */
  pdfWidths?: (string | number)[];
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
    from || to ? `Cohorts starting ${from ? `from ${from}` : ''}${from && to ? ' ' : ''}${to ? `to ${to}` : ''}` : null,
    `Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
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

/** A printable PDF: the tables with their titles, and a bar per statement for the survey. */
export function reportPdf(report: CohortReport): Promise<Buffer> {
  const content: Content[] = [
    { text: 'Cohort report', style: 'title' },
    { text: filtersLine(report), style: 'subtitle' },
  ];
  for (const table of reportTables(report)) {
    content.push({ text: table.title, style: 'heading' });
    // On paper a share reads as one: 83 in a "%" column prints as 83%.
    const percent = table.columns.map((c) => c.includes('%'));
    const rows = table.rows.map((row) =>
      row.map((cell, i) => (percent[i] && typeof cell === 'number' ? `${cell}%` : cell)),
    );
    content.push(
      rows.length
        ? pdfTable(table.columns, rows, table.pdfWidths)
        : { text: 'Nothing recorded yet.', italics: true, fontSize: 9 },
    );
    if (table.note) content.push({ text: table.note, style: 'note' });
  }
  return renderPdf({
    pageOrientation: 'landscape',
    info: { title: 'Cohort report', creator: 'CCC programme service' },
    content,
    footer: (page, pages) => ({ text: `${page} of ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] }),
  });
}
