/**
 * POST /api/people/imports/dry-run and POST /api/people/imports (administrators): a CSV or XLSX of CCCs, PCN
 * supervisors and Alliance supervisors. The dry run changes nothing and shows each row's outcome and every
 * problem with its row and column; the import does it all in one transaction (or nothing, 400, if any row has a
 * problem), and the invitations are e-mailed once it has committed.
 */
export type PeopleImportOutcome =
  /** A role offer e-mailed: the person holds the role once they accept it. */
  | 'invite'
  /** Already one of this Alliance's people: the role is given directly, and they are told by e-mail. */
  | 'add_role'
  /** A problem in this row: nothing is done for it (and an import with any such row does nothing at all). */
  | 'error';

export interface PeopleImportRowView {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  fullName: string;
  email: string;
  role: string;
  pcn: string | null;
  employmentStart: string | null;
  outcome: PeopleImportOutcome;
}

export interface PeopleImportProblemView {
  row: number;
  /** The column's header in the template, or null for the whole row or file. */
  column: string | null;
  reason: string;
}

export interface PeopleImportReport {
  /** True for the dry run (nothing changed); false once imported. */
  dryRun: boolean;
  rows: PeopleImportRowView[];
  problems: PeopleImportProblemView[];
  counts: { rows: number; invite: number; addRole: number; error: number };
}
