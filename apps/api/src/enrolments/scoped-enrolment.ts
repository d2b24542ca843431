import type { Loaded } from '../common/loaded';
import type { Enrolment } from './enrolment.entity';

/** The relations every scoped enrolment query joins (inner joins: always there). */
export const SCOPED_RELATIONS = ['cohort', 'ccc', 'pcn'] as const;

/** An enrolment as the enrolments service hands it to the features built on it. */
export type ScopedEnrolment = Loaded<Enrolment, (typeof SCOPED_RELATIONS)[number]>;
