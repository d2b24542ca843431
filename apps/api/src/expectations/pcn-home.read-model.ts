import type { IsoDate, ParticipantRole, SessionStatus } from '@ccc/programme';
import type { DataSource } from 'typeorm';
import { oneRow } from '../common/one-row';
import type { ReleaseRequest } from '../release-time/release-request.entity';

/** A session of a CCC as the PCN home reads it: slots to accept and the next joint session. */
export interface PcnHomeSession {
  id: string;
  title: string;
  month: number;
  participants: ParticipantRole[];
  status: SessionStatus;
  startsAt: Date | null;
  durationMinutes: number | null;
  version: number;
}

/** What the PCN home reads of each of its CCCs' records (issue #17: plain rows, no entity hydration). */
export interface PcnHomeFacts {
  sessions: PcnHomeSession[];
  /** Every release request, as the release-time rules and views read it. */
  release: ReleaseRequest[];
  /** The keys of the expectations and duties already attested. */
  attested: Set<string>;
  /** The appraisal date the handover records, which some later duties wait for. */
  appraisalDate: IsoDate | null;
}

/**
 * The records the PCN home reads for these enrolments: their sessions, release requests with who decided them,
 * attested keys and appraisal dates, in one statement whatever the number of CCCs, each part through its enrolment
 * index and selecting only the columns the page answers with.
 */
export async function pcnHomeFacts(
  db: DataSource,
  enrolmentIds: readonly string[],
): Promise<{ facts: Map<string, PcnHomeFacts>; deciders: Map<string, { id: string; fullName: string }> }> {
  const facts = new Map<string, PcnHomeFacts>(
    enrolmentIds.map((id) => [id, { sessions: [], release: [], attested: new Set(), appraisalDate: null }]),
  );
  const deciders = new Map<string, { id: string; fullName: string }>();
  if (enrolmentIds.length === 0) return { facts, deciders };
  // One statement, each part's rows as a JSON array: four statements side by side took four pooled connections and
  // round trips, each costing the API more than its SQL (issue #17). Instants come back as ISO strings.
  const { sessions, release, attested, handovers } = oneRow(
    (await db.query(
      `SELECT
         (SELECT coalesce(json_agg(q), '[]'::json) FROM (
           SELECT a.enrolment_id, s.id, s.title, s.month, s.participants, s.status, s.starts_at, s.duration_minutes,
                  s.version
             FROM session_attendance a JOIN session s ON s.id = a.session_id
            WHERE a.enrolment_id = ANY($1::uuid[])) q) AS sessions,
         (SELECT coalesce(json_agg(q), '[]'::json) FROM (
           SELECT r.*, p.full_name AS decided_by_name
             FROM release_request r LEFT JOIN person p ON p.id = r.decided_by_id
            WHERE r.enrolment_id = ANY($1::uuid[])) q) AS release,
         (SELECT coalesce(json_agg(q), '[]'::json) FROM (
           SELECT enrolment_id, expectation_key FROM attestation WHERE enrolment_id = ANY($1::uuid[])) q) AS attested,
         (SELECT coalesce(json_agg(q), '[]'::json) FROM (
           SELECT enrolment_id, to_char(appraisal_date, 'YYYY-MM-DD') AS appraisal_date
             FROM handover_interview WHERE enrolment_id = ANY($1::uuid[])) q) AS handovers`,
      [enrolmentIds],
    )) as {
      sessions: SessionRow[];
      release: ReleaseRow[];
      attested: { enrolment_id: string; expectation_key: string }[];
      handovers: HandoverRow[];
    }[],
  );
  for (const s of sessions)
    facts.get(s.enrolment_id)?.sessions.push({
      id: s.id,
      title: s.title,
      month: s.month,
      participants: s.participants,
      status: s.status,
      startsAt: s.starts_at === null ? null : new Date(s.starts_at),
      durationMinutes: s.duration_minutes,
      version: s.version,
    });
  for (const r of release) {
    facts.get(r.enrolment_id)?.release.push({
      id: r.id,
      enrolmentId: r.enrolment_id,
      kind: r.kind,
      sessionId: r.session_id,
      date: r.date,
      minutes: r.minutes,
      description: r.description,
      status: r.status,
      decidedById: r.decided_by_id,
      decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
      decisionReason: r.decision_reason,
      overrideReason: r.override_reason,
      requestKey: r.request_key,
      viaLink: r.via_link,
      version: r.version,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    });
    if (r.decided_by_id && r.decided_by_name !== null)
      deciders.set(r.decided_by_id, { id: r.decided_by_id, fullName: r.decided_by_name });
  }
  for (const a of attested) facts.get(a.enrolment_id)?.attested.add(a.expectation_key);
  for (const h of handovers) {
    const f = facts.get(h.enrolment_id);
    if (f) f.appraisalDate = h.appraisal_date;
  }
  return { facts, deciders };
}

interface SessionRow {
  enrolment_id: string;
  id: string;
  title: string;
  month: number;
  participants: ParticipantRole[];
  status: SessionStatus;
  /** ISO instant (JSON) */
  starts_at: string | null;
  duration_minutes: number | null;
  version: number;
}

interface ReleaseRow {
  id: string;
  enrolment_id: string;
  kind: ReleaseRequest['kind'];
  session_id: string | null;
  date: IsoDate;
  minutes: number;
  description: string;
  status: ReleaseRequest['status'];
  decided_by_id: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  override_reason: string | null;
  request_key: string | null;
  via_link: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  decided_by_name: string | null;
}

interface HandoverRow {
  enrolment_id: string;
  appraisal_date: IsoDate | null;
}
