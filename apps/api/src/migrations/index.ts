import { ActionLinks1795615733305 } from './1795615733305-ActionLinks';
import { Initial1795613422671 } from './1795613422671-Initial';
import { AuditChain1795616741419 } from './1795616741419-AuditChain';
import { AuthSessions1795621356620 } from './1795621356620-AuthSessions';
import { RateLimits1795621976460 } from './1795621976460-RateLimits';
import { ReleaseTime1795615062744 } from './1795615062744-ReleaseTime';
import { Scheduling1795614479187 } from './1795614479187-Scheduling';
import { Notifications1795621656319 } from './1795621656319-Notifications';
import { Competencies1795621759385 } from './1795621759385-Competencies';
import { MonthSix1795622286329 } from './1795622286329-MonthSix';
import { Tenancy1795630000000 } from './1795630000000-Tenancy';
import { AlliancePolicy1795630100000 } from './1795630100000-AlliancePolicy';
import { Erasure1795630200000 } from './1795630200000-Erasure';
import { RoleOffers1795642000000 } from './1795642000000-RoleOffers';
import { PeopleImport1795654000000 } from './1795654000000-PeopleImport';
import { WorkforceAttendees1795654000001 } from './1795654000001-WorkforceAttendees';
import { AuditCheckpoints1795640000000 } from './1795640000000-AuditCheckpoints';
import { Administration1795653000000 } from './1795653000000-Administration';
import { SmallGuards1795652000000 } from './1795652000000-SmallGuards';
import { SignedWording1795651000000 } from './1795651000000-SignedWording';
import { TrainingProposals1795656000000 } from './1795656000000-TrainingProposals';
import { HandoverResign1795660000000 } from './1795660000000-HandoverResign';
import { IdempotencyKeys1795662000000 } from './1795662000000-IdempotencyKeys';
import { EnrolmentPauses1795666000000 } from './1795666000000-EnrolmentPauses';
import { OutboxCalendarPart1795668000000 } from './1795668000000-OutboxCalendarPart';
import { OutboxHtmlPart1795672000000 } from './1795672000000-OutboxHtmlPart';

/** Listed explicitly, in order: a glob finds nothing once the API is compiled. */
export const MIGRATIONS = [Initial1795613422671, Scheduling1795614479187, ReleaseTime1795615062744, ActionLinks1795615733305, AuditChain1795616741419, AuthSessions1795621356620, Notifications1795621656319, Competencies1795621759385, RateLimits1795621976460, MonthSix1795622286329, Tenancy1795630000000, AlliancePolicy1795630100000, Erasure1795630200000, AuditCheckpoints1795640000000, RoleOffers1795642000000, SignedWording1795651000000, SmallGuards1795652000000, Administration1795653000000, PeopleImport1795654000000, WorkforceAttendees1795654000001, TrainingProposals1795656000000, HandoverResign1795660000000, IdempotencyKeys1795662000000, EnrolmentPauses1795666000000, OutboxCalendarPart1795668000000, OutboxHtmlPart1795672000000];
