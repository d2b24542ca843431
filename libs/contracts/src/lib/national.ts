import type { NationalExpectation, NationalFigures, SurveyRespondent } from '@ccc/programme';

export type {
  NationalCell,
  NationalEnrolmentFigures,
  NationalExpectation,
  NationalExpectationFigures,
  NationalFigures,
  NationalStatementFigures,
} from '@ccc/programme';

/**
 * GET /api/national/summary (national viewers only): aggregate figures per Alliance and for the nation. Anonymous:
 * no person, PCN or free text, and small numbers suppressed (a count or share resting on fewer than 5 people reads
 * "fewer than 5"; others are "withheld" so that none of those can be worked out from the totals).
 */
export interface NationalSummary {
  /** When the figures were made: they are kept a few minutes (a snapshot), so this is their "as of". */
  generatedAt: string;
  /** Under this many people a figure is not shown. */
  threshold: number;
  /** The expectations counted (each Alliance's figures list them in this order). */
  expectations: NationalExpectation[];
  /** The survey's statements (each Alliance's figures list them in this order). */
  statements: { id: string; text: string; respondents: SurveyRespondent[] }[];
  /** Every Alliance, by name. */
  alliances: { allianceId: string; allianceName: string; figures: NationalFigures }[];
  national: NationalFigures;
}
