import {
  type CompetencyFramework,
  type FrameworkProblem,
  type ProficiencyLevel,
  validateFramework,
} from './competencies';

/*
 * Import and export of a competency framework: JSON (the framework as it is) and CSV (one row per competency,
 * for people who keep their framework in a spreadsheet). The CSV text itself is read and written by a CSV
 * library in the API; this file turns its records into a framework and back, and says which row and column is
 * at fault. (The library stays out of here because this package is also bundled into the browser.)
 */

export interface FrameworkImportProblem {
  /** Where, in words a person can find: `row 5, column H (code)`, `line 3, column 12` or a JSON path. */
  at: string;
  reason: string;
  /** CSV: the spreadsheet row (the header is row 1). */
  row?: number;
  /** CSV: the column's header name. */
  column?: string;
  /** JSON: the path in the document, e.g. `domains[1].competencies[0].code`. */
  path?: string;
  /** JSON syntax errors: the line and column of the text. */
  line?: number;
}

export type FrameworkImport =
  { ok: true; framework: CompetencyFramework } | { ok: false; problems: FrameworkImportProblem[] };

/** Canonical order of keys, so that an export is stable and diffable. */
function canonical(f: CompetencyFramework): CompetencyFramework {
  return {
    key: f.key,
    name: f.name,
    version: f.version,
    scale: f.scale.map((l) => ({ value: l.value, label: l.label, description: l.description })),
    domains: f.domains.map((d) => ({
      key: d.key,
      title: d.title,
      description: d.description,
      competencies: d.competencies.map((c) => ({
        code: c.code,
        title: c.title,
        description: c.description,
        evidenceGuidance: c.evidenceGuidance,
      })),
    })),
  };
}

export function frameworkToJson(framework: CompetencyFramework): string {
  return JSON.stringify(canonical(framework), null, 2) + '\n';
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Where JSON text first goes wrong (JSON.parse of Node 20 does not always say): a scanner that follows the
 * grammar just far enough to find the offset of the first character that does not fit.
 */
export function jsonErrorOffset(text: string): number | null {
  let at = 0;
  class Stop extends Error {}
  const ws = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const expect = (ch: string) => {
    if (text[at] !== ch) throw new Stop();
    at++;
  };
  const string = () => {
    expect('"');
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      else if (text.charCodeAt(at) < 0x20) throw new Stop();
      at++;
    }
    expect('"');
  };
  const value = (): void => {
    ws();
    const ch = text[at];
    if (ch === '{') {
      at++;
      ws();
      if (text[at] === '}') return void at++;
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text[at] === ',') at++;
        else return expect('}');
      }
    }
    if (ch === '[') {
      at++;
      ws();
      if (text[at] === ']') return void at++;
      for (;;) {
        value();
        ws();
        if (text[at] === ',') at++;
        else return expect(']');
      }
    }
    if (ch === '"') return string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400));
    if (!literal) throw new Stop();
    at += literal[0].length;
  };
  try {
    value();
    ws();
    return at < text.length ? at : null;
  } catch (error) {
    if (error instanceof Stop) return at;
    throw error;
  }
}

export function frameworkFromJson(text: string): FrameworkImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    const where = offset === null ? null : lineAndColumn(text.replace(/^\uFEFF/, ''), offset);
    const found = offset === null ? null : text.replace(/^\uFEFF/, '')[offset];
    const reason = `not valid JSON: ${found === undefined ? 'the text ends too soon' : found === null ? message : `unexpected ${JSON.stringify(found)}`}`;
    return {
      ok: false,
      problems: [
        where
          ? { at: `line ${where.line}, column ${where.column}`, line: where.line, reason }
          : { at: 'the file', reason },
      ],
    };
  }
  const result = validateFramework(parsed);
  if (result.valid) return { ok: true, framework: result.framework };
  return {
    ok: false,
    problems: result.problems.map((p) => ({ at: p.path || 'the document', path: p.path, reason: p.reason })),
  };
}

/** The CSV's columns, in the order an export writes them. A file may order them as it likes. */
export const FRAMEWORK_CSV_COLUMNS = [
  'framework_key',
  'framework_name',
  'framework_version',
  'scale',
  'domain_key',
  'domain_title',
  'domain_description',
  'code',
  'title',
  'description',
  'evidence_guidance',
] as const;
type CsvColumn = (typeof FRAMEWORK_CSV_COLUMNS)[number];

const FRAMEWORK_COLUMNS: readonly CsvColumn[] = ['framework_key', 'framework_name', 'framework_version', 'scale'];
const DOMAIN_COLUMNS: readonly CsvColumn[] = ['domain_title', 'domain_description'];

/** `Aware: knows what it involves | Developing: with guidance | ...`: levels 1, 2, ... in order. */
export function scaleToText(scale: ProficiencyLevel[]): string {
  return scale.map((l) => (l.description ? `${l.label}: ${l.description}` : l.label)).join(' | ');
}

export function scaleFromText(text: string): { label: string; description: string }[] {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return colon < 0
        ? { label: part, description: '' }
        : { label: part.slice(0, colon).trim(), description: part.slice(colon + 1).trim() };
    });
}

/** The records of a CSV export: a header, then one row per competency with its domain and framework repeated. */
export function frameworkToCsvRecords(framework: CompetencyFramework): string[][] {
  const scale = scaleToText(framework.scale);
  const rows = framework.domains.flatMap((d) =>
    d.competencies.map((c) => {
      const cells: Record<CsvColumn, string> = {
        framework_key: framework.key,
        framework_name: framework.name,
        framework_version: String(framework.version),
        scale,
        domain_key: d.key,
        domain_title: d.title,
        domain_description: d.description,
        code: c.code,
        title: c.title,
        description: c.description,
        evidence_guidance: c.evidenceGuidance,
      };
      return FRAMEWORK_CSV_COLUMNS.map((column) => cells[column]);
    }),
  );
  return [[...FRAMEWORK_CSV_COLUMNS], ...rows];
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const FIELD_COLUMN: Record<string, CsvColumn> = {
  code: 'code',
  title: 'title',
  description: 'description',
  evidenceGuidance: 'evidence_guidance',
};

/**
 * Builds a framework from CSV records (the first is the header). Every problem names its spreadsheet row and
 * column; nothing is returned unless the whole file is right.
 */
export function frameworkFromCsvRecords(records: string[][]): FrameworkImport {
  const problems: FrameworkImportProblem[] = [];
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!(FRAMEWORK_CSV_COLUMNS as readonly string[]).includes(name))
      problems.push({
        at: `row 1, column ${columnLetter(i)}`,
        row: 1,
        column: name,
        reason: `unknown column "${records[0]![i]}"; the columns are ${FRAMEWORK_CSV_COLUMNS.join(', ')}`,
      });
    else if (index.has(name))
      problems.push({ at: `row 1, column ${columnLetter(i)}`, row: 1, column: name, reason: `${name} appears twice` });
    else index.set(name, i);
  });
  const missing = FRAMEWORK_CSV_COLUMNS.filter((c) => !index.has(c) && c !== 'domain_description');
  if (missing.length > 0)
    problems.push({
      at: 'row 1',
      row: 1,
      reason: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const at = (row: number, column: CsvColumn) => `row ${row}, column ${columnLetter(index.get(column)!)} (${column})`;
  const problem = (row: number, column: CsvColumn, reason: string) =>
    problems.push({ at: at(row, column), row, column, reason });
  const cell = (record: string[], column: CsvColumn) =>
    index.has(column) ? (record[index.get(column)!] ?? '').trim() : '';

  const dataRows = records
    .map((record, i) => ({ record, row: i + 1 }))
    .slice(1)
    .filter(({ record }) => record.some((value) => value.trim() !== ''));
  for (const { record, row } of dataRows)
    if (record.length > header.length && record.slice(header.length).some((value) => value.trim() !== ''))
      problems.push({
        at: `row ${row}, column ${columnLetter(header.length)}`,
        row,
        reason: `the row has ${record.length} cells; the header names ${header.length} columns`,
      });
  if (dataRows.length === 0)
    return { ok: false, problems: [{ at: 'row 2', row: 2, reason: 'the file has no competencies' }] };

  // Framework columns: given on the first row; later rows leave them empty or repeat them exactly.
  const first = dataRows[0]!;
  for (const { record, row } of dataRows.slice(1))
    for (const column of FRAMEWORK_COLUMNS) {
      const value = cell(record, column);
      if (value && value !== cell(first.record, column))
        problem(
          row,
          column,
          `differs from row ${first.row}; the framework has one ${column.replace('framework_', '')}`,
        );
    }
  const versionText = cell(first.record, 'framework_version');
  const version = /^\d+$/.test(versionText) ? Number(versionText) : NaN;
  if (!Number.isInteger(version) || version < 1)
    problem(first.row, 'framework_version', 'must be a whole number from 1');
  const levels = scaleFromText(cell(first.record, 'scale'));

  // Domains in the order they first appear; their title and description agree on every row that gives them.
  const domains = new Map<
    string,
    { row: number; title: string; description: string; rows: { record: string[]; row: number }[] }
  >();
  for (const { record, row } of dataRows) {
    const key = cell(record, 'domain_key');
    if (!key) {
      problem(row, 'domain_key', 'must name the domain of the competency');
      continue;
    }
    const known = domains.get(key);
    if (!known) {
      domains.set(key, {
        row,
        title: cell(record, 'domain_title'),
        description: cell(record, 'domain_description'),
        rows: [{ record, row }],
      });
      continue;
    }
    known.rows.push({ record, row });
    for (const column of DOMAIN_COLUMNS) {
      const value = cell(record, column);
      const expected = column === 'domain_title' ? known.title : known.description;
      if (value && value !== expected) problem(row, column, `differs from row ${known.row} for domain ${key}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const domainList = [...domains.entries()];
  const input = {
    key: cell(first.record, 'framework_key'),
    name: cell(first.record, 'framework_name'),
    version,
    scale: levels.map((l, i) => ({ value: i + 1, ...l })),
    domains: domainList.map(([key, d]) => ({
      key,
      title: d.title,
      description: d.description,
      competencies: d.rows.map(({ record }) => ({
        code: cell(record, 'code'),
        title: cell(record, 'title'),
        description: cell(record, 'description'),
        evidenceGuidance: cell(record, 'evidence_guidance'),
      })),
    })),
  };
  const result = validateFramework(input);
  if (result.valid) return { ok: true, framework: result.framework };
  const located = result.problems.map((p) => locate(p, first.row, domainList, at));
  // In the order a person reads the file: by row, then left to right.
  const order = (p: FrameworkImportProblem) => (p.row ?? 0) * 1000 + (p.column ? (index.get(p.column) ?? 0) : 0);
  return { ok: false, problems: located.sort((a, b) => order(a) - order(b)) };
}

/** Where a problem found in the assembled framework sits in the file. */
function locate(
  p: FrameworkProblem,
  firstRow: number,
  domains: [string, { row: number; rows: { row: number }[] }][],
  at: (row: number, column: CsvColumn) => string,
): FrameworkImportProblem {
  const place = (row: number, column: CsvColumn) => ({ at: at(row, column), row, column, reason: p.reason });
  const competency = /^domains\[(\d+)\]\.competencies\[(\d+)\]\.(\w+)$/.exec(p.path);
  if (competency) {
    const row = domains[Number(competency[1])]![1].rows[Number(competency[2])]!.row;
    return place(row, FIELD_COLUMN[competency[3]!] ?? 'code');
  }
  const domain = /^domains\[(\d+)\]\.(\w+)$/.exec(p.path);
  if (domain) {
    const column: CsvColumn =
      domain[2] === 'key' ? 'domain_key' : domain[2] === 'title' ? 'domain_title' : 'domain_description';
    return place(domains[Number(domain[1])]![1].row, column);
  }
  if (p.path.startsWith('scale')) return place(firstRow, 'scale');
  if (p.path === 'key') return place(firstRow, 'framework_key');
  if (p.path === 'name') return place(firstRow, 'framework_name');
  if (p.path === 'version') return place(firstRow, 'framework_version');
  return { at: `row ${firstRow}`, row: firstRow, reason: p.reason };
}
