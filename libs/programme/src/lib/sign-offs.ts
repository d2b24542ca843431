import { dayNumber, type IsoDate, londonDate, type MonthBounds, programmeMonths } from './months';
import type { Party } from './template';

/*
 * Every sign-off of an enrolment as one list of events, and what awaits whom (#24). The API gathers the records
 * (reviews, TNA signatures, training completions, attestations, the handover's signatures and amendments, the
 * sessions' marks) in a fixed number of queries; this turns them into events placed in the plan's months, so the
 * CCC's timeline, each party's own sign-offs page and the personal record read the same thing.
 */

export const SIGN_OFF_KINDS = [
  'competency',
  'tna',
  'training',
  'attestation',
  'handover',
  'amendment',
  'session',
  'release',
] as const;
export type SignOffKind = (typeof SIGN_OFF_KINDS)[number];

export const SIGN_OFF_KIND_LABELS: Record<SignOffKind, string> = {
  competency: 'Competency',
  tna: 'Training needs analysis',
  training: 'Training plan',
  attestation: 'Attestation',
  handover: 'Handover',
  amendment: 'Amendment',
  session: 'Session',
  release: 'Release time',
};

export type HandoverSignature = 'ccc' | 'pcn_supervisor' | 'alliance_supervisor';
export type SessionMark = 'slot_accepted' | 'recorded';

export interface SignOffPerson {
  id: string;
  fullName: string;
}

/** Where the record behind an event or an awaited sign-off is read (the SPA turns it into a path). */
export type SignOffLink =
  | { record: 'competency'; enrolmentId: string; code: string }
  | { record: 'tna'; enrolmentId: string; round: number }
  | { record: 'training_plan'; enrolmentId: string; itemId: string }
  | { record: 'expectations'; enrolmentId: string; expectationKey: string }
  | { record: 'handover'; enrolmentId: string }
  | { record: 'release'; enrolmentId: string }
  | { record: 'session'; enrolmentId: string; sessionId: string };

export interface SignOffEvent {
  /** Stable within the enrolment (kind and record), for lists and tests. */
  key: string;
  kind: SignOffKind;
  enrolmentId: string;
  /** The plan month it happened in; before the start: 1, after the end: the last (the record still belongs). */
  month: number;
  /** ISO instant */
  at: string;
  by: SignOffPerson | null;
  /** The side the signer acted for. */
  party: Party | null;
  /** One line saying what was signed, e.g. "Signed off SN-03 at level 3". */
  summary: string;
  competencyCode?: string;
  outcome?: 'signed_off' | 'returned' | 'withdrawn';
  rating?: number | null;
  /** A return's or withdrawal's comment, an amendment's reason, an attestation's note. */
  reason?: string | null;
  round?: number;
  signature?: 'ccc' | 'supervisor' | HandoverSignature;
  expectationKey?: string;
  amendedRecord?: string;
  mark?: SessionMark;
  /** A release decision: confirmed or declined, and the time it was for. */
  decision?: 'confirmed' | 'declined';
  minutes?: number;
  /** The London date of the release time. */
  date?: IsoDate;
  /** What the release time was for, as the CCC asked. */
  description?: string;
  viaLink?: boolean;
  link: SignOffLink;
}

export type AwaitedAction = 'review_evidence' | 'sign_tna' | 'sign_handover' | 'respond_to_slot' | 'decide_release';

export interface AwaitedSignOff {
  key: string;
  kind: SignOffKind;
  enrolmentId: string;
  month: number;
  /** ISO instant it has waited since. */
  since: string;
  /** Whole days waited, by London dates. */
  waitedDays: number;
  /** Who must act next. */
  awaiting: Party;
  action: AwaitedAction;
  summary: string;
  competencyCode?: string;
  round?: number;
  signature?: 'ccc' | 'supervisor' | HandoverSignature;
  link: SignOffLink;
}

export interface SignOffFacts {
  enrolmentId: string;
  cohortStart: IsoDate;
  durationMonths: number;
  /** Only an active enrolment awaits anything: a withdrawn or completed one is read-only. */
  status: 'active' | 'completed' | 'withdrawn';
  reviews: {
    id: string;
    code: string;
    outcome: 'signed_off' | 'returned' | 'withdrawn';
    rating: number | null;
    comment: string;
    by: SignOffPerson | null;
    at: Date;
  }[];
  /** Competencies whose evidence awaits review, since the submission. */
  submitted: { code: string; since: Date }[];
  tnas: {
    round: number;
    cccSignedAt: Date | null;
    cccSignedBy: SignOffPerson | null;
    supervisorSignedAt: Date | null;
    supervisorSignedBy: SignOffPerson | null;
  }[];
  training: {
    id: string;
    title: string;
    completedOn: IsoDate;
    completedVia: 'ccc' | 'attendance';
    /** When it was marked (the completion date is the CCC's word). */
    at: Date;
    by: SignOffPerson | null;
  }[];
  attestations: {
    id: string;
    expectationKey: string;
    /** The duty attested, from the template (the key when the template no longer has it). */
    title: string;
    party: Party;
    attestedOn: IsoDate;
    note: string | null;
    by: SignOffPerson | null;
    at: Date;
  }[];
  handover: {
    id: string;
    signatures: { party: HandoverSignature; at: Date | null; by: SignOffPerson | null }[];
  } | null;
  amendments: { id: string; record: string; reason: string; by: SignOffPerson | null; at: Date }[];
  sessionMarks: {
    sessionId: string;
    title: string;
    mark: SessionMark;
    by: SignOffPerson | null;
    at: Date;
    viaLink: boolean;
  }[];
  /** The PCN's decisions on release time (for sessions, training or study). */
  releases: {
    id: string;
    sessionId: string | null;
    description: string;
    decision: 'confirmed' | 'declined';
    date: IsoDate;
    minutes: number;
    reason: string | null;
    by: SignOffPerson | null;
    at: Date;
    viaLink: boolean;
  }[];
  /** Booked slots the PCN supervisor has not answered yet, since booked or proposed. */
  slotsAwaitingPcn: { sessionId: string; title: string; since: Date }[];
  /** Release requests not yet decided by the PCN. */
  releasesPending: { id: string; sessionId: string | null; description: string; since: Date }[];
}

const HANDOVER_PARTY: Record<HandoverSignature, Party> = {
  ccc: 'ccc',
  pcn_supervisor: 'pcn',
  alliance_supervisor: 'alliance',
};
const HANDOVER_LABEL: Record<HandoverSignature, string> = {
  ccc: 'the CCC',
  pcn_supervisor: 'the PCN supervisor',
  alliance_supervisor: 'the Alliance supervisor',
};
const MARK_LABEL: Record<SessionMark, string> = {
  slot_accepted: 'Accepted the slot for',
  recorded: 'Recorded',
};
const MARK_PARTY: Record<SessionMark, Party> = {
  slot_accepted: 'pcn',
  recorded: 'alliance',
};

/** Minutes as people say them: "1 h 30 min", "45 min". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Plain code-unit order (ISO instants and keys), without the locale rules localeCompare applies. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The plan months of each start and length: a caseload's sign-offs ask for the same few thousands of times. */
const planMonths = new Map<string, MonthBounds[]>();

/** The plan month of an instant, kept within the plan: a record made before the start or after the end still shows. */
export function planMonthOf(start: IsoDate, durationMonths: number, at: Date): number {
  const date = londonDate(at);
  const key = `${start}/${durationMonths}`;
  let months = planMonths.get(key);
  if (!months) {
    if (planMonths.size > 10_000) planMonths.clear();
    months = programmeMonths(start, durationMonths);
    planMonths.set(key, months);
  }
  // ISO dates compare as strings.
  const month = months.find((m) => m.startsOn <= date && date < m.endsBefore)?.month;
  if (month !== undefined) return month;
  return date < start ? 1 : durationMonths;
}

/** Whole days from an instant to today, by London calendar dates (never negative). */
export function daysWaited(since: Date, today: IsoDate): number {
  return Math.max(0, dayNumber(today) - dayNumber(londonDate(since)));
}

/**
 * Every sign-off of one enrolment, oldest first; with `signedBy`, only that person's (the others are never built: a
 * caseload's sign-offs page keeps a few of thousands).
 */
export function signOffEvents(facts: SignOffFacts, signedBy?: string): SignOffEvent[] {
  const { enrolmentId } = facts;
  const month = (at: Date) => planMonthOf(facts.cohortStart, facts.durationMonths, at);
  const events: SignOffEvent[] = [];
  const skip = (by: SignOffPerson | null) => signedBy !== undefined && by?.id !== signedBy;

  for (const r of facts.reviews) {
    if (skip(r.by)) continue;
    const summary =
      r.outcome === 'signed_off'
        ? `Signed off ${r.code} at level ${r.rating}`
        : r.outcome === 'returned'
          ? `Returned ${r.code} for more evidence`
          : `Withdrew the sign-off of ${r.code}`;
    events.push({
      key: `competency:${r.id}`,
      kind: 'competency',
      enrolmentId,
      month: month(r.at),
      at: r.at.toISOString(),
      by: r.by,
      party: 'alliance',
      summary,
      competencyCode: r.code,
      outcome: r.outcome,
      rating: r.rating,
      reason: r.outcome === 'signed_off' ? null : r.comment,
      link: { record: 'competency', enrolmentId, code: r.code },
    });
  }

  for (const tna of facts.tnas) {
    const sides = [
      { signature: 'ccc' as const, at: tna.cccSignedAt, by: tna.cccSignedBy, party: 'ccc' as const },
      {
        signature: 'supervisor' as const,
        at: tna.supervisorSignedAt,
        by: tna.supervisorSignedBy,
        party: 'alliance' as const,
      },
    ];
    for (const side of sides) {
      if (!side.at || skip(side.by)) continue;
      events.push({
        key: `tna:${tna.round}:${side.signature}`,
        kind: 'tna',
        enrolmentId,
        month: month(side.at),
        at: side.at.toISOString(),
        by: side.by,
        party: side.party,
        summary: `Signed TNA round ${tna.round} as ${side.signature === 'ccc' ? 'the CCC' : 'the Alliance supervisor'}`,
        round: tna.round,
        signature: side.signature,
        link: { record: 'tna', enrolmentId, round: tna.round },
      });
    }
  }

  for (const item of facts.training) {
    if (skip(item.by)) continue;
    events.push({
      key: `training:${item.id}`,
      kind: 'training',
      enrolmentId,
      month: month(item.at),
      at: item.at.toISOString(),
      by: item.by,
      party: item.completedVia === 'ccc' ? 'ccc' : 'alliance',
      summary:
        item.completedVia === 'ccc'
          ? `Completed "${item.title}" on ${item.completedOn}`
          : `"${item.title}" done by attending on ${item.completedOn}`,
      link: { record: 'training_plan', enrolmentId, itemId: item.id },
    });
  }

  for (const a of facts.attestations) {
    if (skip(a.by)) continue;
    events.push({
      key: `attestation:${a.id}`,
      kind: 'attestation',
      enrolmentId,
      month: month(a.at),
      at: a.at.toISOString(),
      by: a.by,
      party: a.party,
      summary: `Attested "${a.title}" as done on ${a.attestedOn}`,
      expectationKey: a.expectationKey,
      reason: a.note,
      link: { record: 'expectations', enrolmentId, expectationKey: a.expectationKey },
    });
  }

  for (const s of facts.handover?.signatures ?? []) {
    if (!s.at || skip(s.by)) continue;
    events.push({
      key: `handover:${s.party}`,
      kind: 'handover',
      enrolmentId,
      month: month(s.at),
      at: s.at.toISOString(),
      by: s.by,
      party: HANDOVER_PARTY[s.party],
      summary: `Signed the handover as ${HANDOVER_LABEL[s.party]}`,
      signature: s.party,
      link: { record: 'handover', enrolmentId },
    });
  }

  for (const a of facts.amendments) {
    if (skip(a.by)) continue;
    events.push({
      key: `amendment:${a.id}`,
      kind: 'amendment',
      enrolmentId,
      month: month(a.at),
      at: a.at.toISOString(),
      by: a.by,
      party: 'alliance',
      summary: `Amended the ${a.record} record`,
      amendedRecord: a.record,
      reason: a.reason,
      link: { record: 'handover', enrolmentId },
    });
  }

  for (const m of facts.sessionMarks) {
    if (skip(m.by)) continue;
    events.push({
      key: `session:${m.sessionId}:${m.mark}:${m.at.toISOString()}`,
      kind: 'session',
      enrolmentId,
      month: month(m.at),
      at: m.at.toISOString(),
      by: m.by,
      party: MARK_PARTY[m.mark],
      summary: `${MARK_LABEL[m.mark]} ${m.title}`,
      mark: m.mark,
      viaLink: m.viaLink,
      link: { record: 'session', enrolmentId, sessionId: m.sessionId },
    });
  }

  for (const r of facts.releases) {
    if (skip(r.by)) continue;
    events.push({
      key: `release:${r.id}`,
      kind: 'release',
      enrolmentId,
      month: month(r.at),
      at: r.at.toISOString(),
      by: r.by,
      party: 'pcn',
      summary: `${r.decision === 'confirmed' ? 'Confirmed' : 'Declined'} ${duration(r.minutes)} release on ${r.date}: ${r.description}`,
      decision: r.decision,
      minutes: r.minutes,
      date: r.date,
      description: r.description,
      reason: r.reason,
      viaLink: r.viaLink,
      link: r.sessionId
        ? { record: 'session', enrolmentId, sessionId: r.sessionId }
        : { record: 'release', enrolmentId },
    });
  }

  return events.sort((a, b) => byText(a.at, b.at) || byText(a.key, b.key));
}

/**
 * What awaits whom in one enrolment, oldest first: evidence to review (the Alliance supervisor), a TNA round
 * signed by one side only (the other), a handover signed by some parties (the rest), a slot or a release request
 * the PCN has not answered. A withdrawn or completed enrolment awaits nothing.
 */
export function awaitedSignOffs(facts: SignOffFacts, today: IsoDate): AwaitedSignOff[] {
  if (facts.status !== 'active') return [];
  const { enrolmentId } = facts;
  const month = (at: Date) => planMonthOf(facts.cohortStart, facts.durationMonths, at);
  const awaited: AwaitedSignOff[] = [];
  const push = (item: Omit<AwaitedSignOff, 'enrolmentId' | 'month' | 'since' | 'waitedDays'>, since: Date) =>
    awaited.push({
      ...item,
      enrolmentId,
      month: month(since),
      since: since.toISOString(),
      waitedDays: daysWaited(since, today),
    });

  for (const s of facts.submitted) {
    push(
      {
        key: `competency:${s.code}`,
        kind: 'competency',
        awaiting: 'alliance',
        action: 'review_evidence',
        summary: `Review the evidence for ${s.code}`,
        competencyCode: s.code,
        link: { record: 'competency', enrolmentId, code: s.code },
      },
      s.since,
    );
  }

  for (const tna of facts.tnas) {
    // A round neither side has signed is still being written; once one signs, the other is awaited.
    if (tna.cccSignedAt && !tna.supervisorSignedAt) {
      push(
        {
          key: `tna:${tna.round}:supervisor`,
          kind: 'tna',
          awaiting: 'alliance',
          action: 'sign_tna',
          summary: `Sign TNA round ${tna.round} (the CCC has signed)`,
          round: tna.round,
          signature: 'supervisor',
          link: { record: 'tna', enrolmentId, round: tna.round },
        },
        tna.cccSignedAt,
      );
    } else if (tna.supervisorSignedAt && !tna.cccSignedAt) {
      push(
        {
          key: `tna:${tna.round}:ccc`,
          kind: 'tna',
          awaiting: 'ccc',
          action: 'sign_tna',
          summary: `Sign TNA round ${tna.round} (the Alliance supervisor has signed)`,
          round: tna.round,
          signature: 'ccc',
          link: { record: 'tna', enrolmentId, round: tna.round },
        },
        tna.supervisorSignedAt,
      );
    }
  }

  const signatures = facts.handover?.signatures ?? [];
  const signedAt = signatures.flatMap((s) => (s.at ? [s.at] : []));
  if (signedAt.length > 0) {
    // Waiting since the first signature: a change to the record clears them all, so that is the current text's.
    const since = new Date(Math.min(...signedAt.map((d) => d.getTime())));
    for (const s of signatures) {
      if (s.at) continue;
      push(
        {
          key: `handover:${s.party}`,
          kind: 'handover',
          awaiting: HANDOVER_PARTY[s.party],
          action: 'sign_handover',
          summary: `Sign the handover as ${HANDOVER_LABEL[s.party]}`,
          signature: s.party,
          link: { record: 'handover', enrolmentId },
        },
        since,
      );
    }
  }

  for (const slot of facts.slotsAwaitingPcn) {
    push(
      {
        key: `session:${slot.sessionId}:slot`,
        kind: 'session',
        awaiting: 'pcn',
        action: 'respond_to_slot',
        summary: `Answer the slot offered for ${slot.title}`,
        link: { record: 'session', enrolmentId, sessionId: slot.sessionId },
      },
      slot.since,
    );
  }

  for (const r of facts.releasesPending) {
    push(
      {
        key: `release:${r.id}`,
        kind: 'release',
        awaiting: 'pcn',
        action: 'decide_release',
        summary: `Decide release time: ${r.description}`,
        link: r.sessionId
          ? { record: 'session', enrolmentId, sessionId: r.sessionId }
          : { record: 'release', enrolmentId },
      },
      r.since,
    );
  }

  return awaited.sort((a, b) => byText(a.since, b.since) || byText(a.key, b.key));
}

export interface SignOffFilter {
  kind?: SignOffKind;
  month?: number;
}

/** Keeps the events or awaited sign-offs of a kind and a month (either absent: all). */
export function filterSignOffs<T extends { kind: SignOffKind; month: number }>(items: T[], filter: SignOffFilter): T[] {
  return items.filter(
    (item) =>
      (filter.kind === undefined || item.kind === filter.kind) &&
      (filter.month === undefined || item.month === filter.month),
  );
}
