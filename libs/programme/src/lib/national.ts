import type { ExpectationResult } from './expectations';
import { countAgreed, FEWER_THAN_FIVE, type LikertLevel, SMALL_NUMBER_THRESHOLD } from './month-six';
import { deliveryByParty, percentOf, unionById } from './reports';
import {
  isSmallCount,
  type Suppression,
  type SuppressionCell,
  type SuppressionLink,
  type SuppressionSum,
  suppressCells,
} from './suppression';
import type { Party, ProgrammeTemplate, SurveyStatement, Track } from './template';

/*
 * The national view: the same figures as the cohort report (enrolment and completion, expectations met, the
 * survey's "% agreed"), per Alliance and for the nation, anonymous and with small numbers suppressed.
 */

/** What a figure withheld for another's sake reads as (one under 5 reads FEWER_THAN_FIVE). */
export const WITHHELD = 'withheld';

export interface NationalCell {
  /** The figure; null when it is not shown. */
  value: number | null;
  /** What a person reads: "12", "83%", "fewer than 5" or "withheld". */
  display: string;
  /** Why it is not shown; null when it is. */
  suppressed: Suppression | null;
}

export interface NationalEnrolmentFigures {
  enrolled: NationalCell;
  active: NationalCell;
  completed: NationalCell;
  withdrawn: NationalCell;
  /** Completed of enrolled, as the cohort report counts it. */
  completedPercent: NationalCell;
}

export interface NationalExpectation {
  expectationKey: string;
  party: Party;
  title: string;
  /** `held`: sessions held against the target; `attended`: the CCC's attendance of the sessions held. */
  measure: 'held' | 'attended';
}

export interface NationalExpectationFigures {
  expectationKey: string;
  /** CCCs the expectation applies to. */
  counted: NationalCell;
  /** Of those, CCCs whose expectation is met. */
  met: NationalCell;
  metPercent: NationalCell;
}

export interface NationalStatementFigures {
  statementId: string;
  answering: NationalCell;
  /** Agreed or strongly agreed, of those answering. */
  agreedPercent: NationalCell;
}

export interface NationalFigures {
  enrolment: NationalEnrolmentFigures;
  /** One per expectation of `expectations`, in its order. */
  expectations: NationalExpectationFigures[];
  /** One per statement of `statements`, in its order. */
  survey: NationalStatementFigures[];
}

export interface NationalEnrolmentInput {
  allianceId: string;
  status: 'active' | 'completed' | 'withdrawn';
  template: ProgrammeTemplate;
  track: Track;
  /** evaluateExpectations with the enrolment's own template. */
  results: ExpectationResult[];
}

/** One submitted survey response: its Alliance and its answers, never who gave them. */
export interface NationalResponseInput {
  allianceId: string;
  likert: Partial<Record<string, LikertLevel>>;
}

export interface NationalFiguresResult {
  expectations: NationalExpectation[];
  statements: Pick<SurveyStatement, 'id' | 'text' | 'respondents'>[];
  alliances: { allianceId: string; allianceName: string; figures: NationalFigures }[];
  national: NationalFigures;
}

/**
 * The national figures. Every count of fewer than 5 people shows FEWER_THAN_FIVE, and so does a percentage resting
 * on one; then, along each Alliance's row (enrolled = active + completed + withdrawn) and down each column (the
 * nation = the sum of the Alliances), more figures are withheld until no hidden one can be worked out by
 * subtraction (suppressCells). `templates`: newest first, so that a reworded statement reads as it does now.
 */
export function nationalFigures(input: {
  alliances: { id: string; name: string }[];
  enrolments: NationalEnrolmentInput[];
  responses: NationalResponseInput[];
  templates: ProgrammeTemplate[];
}): NationalFiguresResult {
  // Rows: each Alliance, then the nation (the sum of the rows above it).
  const rowOf = new Map(input.alliances.map((a, row) => [a.id, row]));
  const rows = input.alliances.length + 1;
  const nation = rows - 1;
  const enrolmentsOf: NationalEnrolmentInput[][] = Array.from({ length: rows }, () => []);
  for (const e of input.enrolments.filter((x) => rowOf.has(x.allianceId))) {
    enrolmentsOf[rowOf.get(e.allianceId)!]!.push(e);
    enrolmentsOf[nation]!.push(e);
  }
  const responsesOf: NationalResponseInput[][] = Array.from({ length: rows }, () => []);
  for (const r of input.responses.filter((x) => rowOf.has(x.allianceId))) {
    responsesOf[rowOf.get(r.allianceId)!]!.push(r);
    responsesOf[nation]!.push(r);
  }

  const cells: SuppressionCell[] = [];
  const sums: SuppressionSum[] = [];
  const links: SuppressionLink[] = [];
  const count = (value: number, cap?: number) =>
    cells.push({ value, small: isSmallCount(value), floor: SMALL_NUMBER_THRESHOLD, cap }) - 1;
  /** A column: one cell per row, the last the sum of the others. */
  const column = (values: (row: number) => number, cap?: number[]) => {
    const indexes = Array.from({ length: rows }, (_, row) => count(values(row), cap?.[row]));
    sums.push({ total: indexes[nation]!, parts: indexes.slice(0, nation) });
    return indexes;
  };

  // Enrolment and completion.
  const statusCount = (status: NationalEnrolmentInput['status']) => (row: number) =>
    enrolmentsOf[row]!.filter((e) => e.status === status).length;
  const enrolled = column((row) => enrolmentsOf[row]!.length);
  const active = column(statusCount('active'), enrolled);
  const completed = column(statusCount('completed'), enrolled);
  const withdrawn = column(statusCount('withdrawn'), enrolled);
  for (let row = 0; row < rows; row++)
    sums.push({ total: enrolled[row]!, parts: [active[row]!, completed[row]!, withdrawn[row]!] });

  // Expectations met, by the cohort report's rules (deliveryByParty), keyed as the nation's.
  const delivery = enrolmentsOf.map((list) => new Map(deliveryByParty(list).map((d) => [d.key, d])));
  const expectations: NationalExpectation[] = [...delivery[nation]!.values()].map((d) => ({
    expectationKey: d.key,
    party: d.party,
    title: d.title,
    measure: d.measure,
  }));
  const expectationCells = expectations.map(({ expectationKey }) => {
    const of = (row: number) => delivery[row]!.get(expectationKey);
    const counted = column((row) => of(row)?.enrolmentsCounted ?? 0);
    const met = column((row) => of(row)?.enrolmentsMet ?? 0, counted);
    return { counted, met };
  });

  // The survey: how many answered each statement and how many agreed. The share agreed shows the agreeing
  // count to anyone who multiplies it out, so that count is suppressed like a shown one, and with its answering.
  const statements = unionById<SurveyStatement>(input.templates.map((t) => t.evaluation.statements)).map(
    ({ id, text, respondents }) => ({ id, text, respondents }),
  );
  const levelsOf = (row: number, statementId: string) =>
    responsesOf[row]!.map((r) => r.likert[statementId]).filter((level): level is LikertLevel => level !== undefined);
  const statementCells = statements.map(({ id }) => {
    const levels = Array.from({ length: rows }, (_, row) => levelsOf(row, id));
    const answering = column((row) => levels[row]!.length);
    const agreed = Array.from(
      { length: rows },
      // Under the cohort report's rule a share rests on those answering: hidden when fewer than 5 answered.
      (_, row) =>
        cells.push({
          value: countAgreed(levels[row]!),
          small: isSmallCount(levels[row]!.length),
          floor: 0,
          cap: answering[row],
        }) - 1,
    );
    sums.push({ total: agreed[nation]!, parts: agreed.slice(0, nation) });
    answering.forEach((from, row) => links.push({ from, to: agreed[row]! }));
    return { answering, agreed };
  });

  const state = suppressCells(cells, sums, links);
  const hidden = (suppressed: Suppression | null | undefined): NationalCell | null =>
    suppressed ? { value: null, display: suppressed === 'withheld' ? WITHHELD : FEWER_THAN_FIVE, suppressed } : null;
  const shown = (index: number): NationalCell => {
    const value = cells[index]!.value;
    return hidden(state[index]) ?? { value, display: String(value), suppressed: null };
  };
  /** A share shows only when both its part and its whole do (else it gives the hidden one away). */
  const share = (part: number, whole: number): NationalCell => {
    const why = [state[part], state[whole]];
    const hiddenShare = hidden(
      why.includes('fewer_than_5') ? 'fewer_than_5' : why.includes('withheld') ? 'withheld' : null,
    );
    if (hiddenShare) return hiddenShare;
    const value = percentOf(cells[part]!.value, cells[whole]!.value);
    return { value, display: `${value}%`, suppressed: null };
  };

  const figures = (row: number): NationalFigures => ({
    enrolment: {
      enrolled: shown(enrolled[row]!),
      active: shown(active[row]!),
      completed: shown(completed[row]!),
      withdrawn: shown(withdrawn[row]!),
      completedPercent: share(completed[row]!, enrolled[row]!),
    },
    expectations: expectations.map(({ expectationKey }, i) => {
      const { counted, met } = expectationCells[i]!;
      return {
        expectationKey,
        counted: shown(counted[row]!),
        met: shown(met[row]!),
        metPercent: share(met[row]!, counted[row]!),
      };
    }),
    survey: statements.map(({ id }, i) => {
      const { answering, agreed } = statementCells[i]!;
      return {
        statementId: id,
        answering: shown(answering[row]!),
        agreedPercent: share(agreed[row]!, answering[row]!),
      };
    }),
  });

  return {
    expectations,
    statements,
    alliances: input.alliances.map((a, row) => ({ allianceId: a.id, allianceName: a.name, figures: figures(row) })),
    national: figures(nation),
  };
}
