import {
  addCalendarDays,
  competenciesOf,
  type CompetencyState,
  DEFAULT_FRAMEWORK,
  DEFAULT_TEMPLATE,
  teachingKey,
} from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import type { Cohort } from '../cohorts/cohort.entity';
import { CompetencyEvidence } from '../competencies/competency-evidence.entity';
import { CompetencyProgress } from '../competencies/competency-progress.entity';
import { CompetencyReview } from '../competencies/competency-review.entity';
import { notifyEvidenceArrived } from '../notifications/evidence-arrived';
import { Tna, TnaRating } from '../competencies/tna.entity';
import { TrainingPlanItem } from '../competencies/training-plan-item.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import type { Person } from '../people/person.entity';
import { Session } from '../sessions/session.entity';

type Step =
  | { evidence: string; daysAgo: number; link?: string }
  | { review: 'signed_off' | 'returned'; rating?: number; comment: string; daysAgo: number }
  | { start: number };

/**
 * Each CCC's competencies as the app would have left them: some signed off, some being worked towards (one
 * returned for more evidence), and evidence waiting for review (one piece for Alex Carter, one for Jo Whitfield).
 */
const HISTORY: Record<string, Record<string, Step[]>> = {
  sam: {
    'PREV-01': [
      {
        evidence: 'I ran the QOF smoking register search for our four practices and sent the list to the nurses.',
        daysAgo: 40,
      },
      { review: 'signed_off', rating: 3, comment: 'A clear search, and acted on.', daysAgo: 35 },
    ],
    'SCR-01': [
      {
        evidence: 'Bowel screening uptake by practice, with the two lowest flagged.',
        daysAgo: 30,
        link: 'https://example.org/uptake-summary',
      },
      {
        review: 'signed_off',
        rating: 2,
        comment: 'Good start; next time look at groups as well as practices.',
        daysAgo: 26,
      },
    ],
    'PC-04': [
      { evidence: 'I completed three holistic needs assessments this month.', daysAgo: 20 },
      {
        review: 'returned',
        comment: 'Please add one anonymised care plan and what you learnt from the conversation.',
        daysAgo: 12,
      },
    ],
    'ED-02': [{ start: 10 }],
    'SN-03': [
      { evidence: 'I keep a weekly list of FIT kits not returned after 14 days and call each patient.', daysAgo: 3 },
    ],
  },
  chris: {
    'PREV-02': [
      { evidence: 'Our winter prevention posts on the practice websites and Facebook pages.', daysAgo: 28 },
      { review: 'signed_off', rating: 4, comment: 'Excellent reach and well judged wording.', daysAgo: 21 },
    ],
    'SCR-02': [{ start: 14 }],
  },
  jamie: { 'SN-01': [{ start: 9 }] },
  aisha: {
    'ED-01': [{ evidence: 'How I introduced the decision-support tool at the clinical meeting.', daysAgo: 5 }],
  },
  lucy: {
    'PC-02': [
      { evidence: 'The pre-review letter and questionnaire I now send to patients.', daysAgo: 18 },
      { review: 'signed_off', rating: 3, comment: 'Patients arrive prepared: well done.', daysAgo: 11 },
    ],
  },
};

const at = (today: string, daysAgo: number) => new Date(`${addCalendarDays(today, -daysAgo)}T10:00:00Z`);

export async function recordDemoCompetencies(
  manager: EntityManager,
  cohort: Cohort,
  people: Map<string, Person>,
  today: string,
): Promise<void> {
  const enrolments = await manager.find(Enrolment, { where: { cohortId: cohort.id } });
  const enrolmentOf = (key: string) => enrolments.find((e) => e.cccId === people.get(key)!.id)!;
  const titleOf = new Map(competenciesOf(DEFAULT_FRAMEWORK).map((c) => [c.code, c.title]));

  for (const [who, codes] of Object.entries(HISTORY)) {
    const enrolment = enrolmentOf(who);
    for (const [code, steps] of Object.entries(codes)) {
      let state: CompetencyState = 'not_started';
      let since = at(today, 60);
      let version = 0;
      const { identifiers } = await manager.insert(CompetencyProgress, {
        enrolmentId: enrolment.id,
        competencyCode: code,
      });
      const progressId = identifiers[0]!['id'] as string;
      for (const step of steps) {
        if ('start' in step) {
          state = 'working_towards';
          since = at(today, step.start);
        } else if ('evidence' in step) {
          const { identifiers: ids } = await manager.insert(CompetencyEvidence, {
            progressId,
            kind: step.link ? 'link' : 'reflection',
            text: step.evidence,
            url: step.link ?? null,
            submittedById: enrolment.cccId,
            createdAt: at(today, step.daysAgo),
          });
          if (state !== 'evidence_submitted' && enrolment.allianceSupervisorId && steps.at(-1) === step)
            await notifyEvidenceArrived(manager, {
              reviewerId: enrolment.allianceSupervisorId,
              evidenceId: ids[0]!['id'] as string,
              enrolmentId: enrolment.id,
              code,
              competencyTitle: titleOf.get(code)!,
              cccName: people.get(who)!.fullName,
            });
          if (state !== 'evidence_submitted') since = at(today, step.daysAgo);
          state = 'evidence_submitted';
        } else {
          await manager.insert(CompetencyReview, {
            progressId,
            progressVersion: version,
            outcome: step.review,
            rating: step.rating ?? null,
            comment: step.comment,
            reviewerId: enrolment.allianceSupervisorId!,
            createdAt: at(today, step.daysAgo),
          });
          state = step.review === 'signed_off' ? 'signed_off' : 'working_towards';
          since = at(today, step.daysAgo);
        }
        version++;
      }
      await manager.update(CompetencyProgress, progressId, {
        state,
        stateChangedAt: since,
        version: Math.max(version, 1),
      });
    }
  }
  await recordDemoTna(manager, cohort, enrolmentOf('sam'), today);
}

/** Sam Taylor's first TNA, rated and signed by both, and the training plan it produced. */
async function recordDemoTna(manager: EntityManager, cohort: Cohort, sam: Enrolment, today: string): Promise<void> {
  const { identifiers } = await manager.insert(Tna, {
    enrolmentId: sam.id,
    round: 1,
    cccSignedAt: at(today, 50),
    cccSignedById: sam.cccId,
    supervisorSignedAt: at(today, 50),
    supervisorSignedById: sam.allianceSupervisorId,
    version: 3,
  });
  const tnaId = identifiers[0]!['id'] as string;
  const ratings = competenciesOf(DEFAULT_FRAMEWORK).map((c, i) => ({
    tnaId,
    competencyCode: c.code,
    selfRating: 1 + (i % 3),
    selfNote: null,
    agreedRating: 1 + ((i + 1) % 3),
    needs: c.code.startsWith('PCD') ? 'Group teaching on DES and QOF, then a session with the PCN clinical lead' : null,
  }));
  await manager.insert(TnaRating, ratings);

  const teaching1 = await manager.findOne(Session, { where: { cohortId: cohort.id, planItemKey: teachingKey(1) } });
  const topic = (month: number) => DEFAULT_TEMPLATE.teaching.find((t) => t.month === month)!.topic;
  const held = teaching1?.status === 'completed' && teaching1.startsAt;
  await manager.insert(TrainingPlanItem, [
    {
      enrolmentId: sam.id,
      kind: 'group_teaching',
      title: `Group teaching: ${topic(1)}`,
      targetMonth: 1,
      competencyCodes: ['PCD-01', 'PCD-03'],
      completedOn: held ? teaching1.startsAt!.toISOString().slice(0, 10) : null,
      completedVia: held ? 'attendance' : null,
      sessionId: held ? teaching1.id : null,
      createdById: sam.allianceSupervisorId!,
    },
    {
      enrolmentId: sam.id,
      kind: 'course',
      title: 'e-LfH ACCEND Programme',
      courseKey: 'elfh-accend',
      targetMonth: 2,
      competencyCodes: ['PC-01', 'PC-04'],
      completedOn: addCalendarDays(today, -15),
      completedVia: 'ccc',
      createdById: sam.cccId,
    },
    {
      enrolmentId: sam.id,
      kind: 'free',
      title: 'Shadow a practice nurse running safety-netting calls',
      targetMonth: 3,
      competencyCodes: ['SN-01', 'SN-02'],
      createdById: sam.cccId,
    },
    {
      enrolmentId: sam.id,
      kind: 'group_teaching',
      title: `Group teaching: ${topic(3)}`,
      targetMonth: 3,
      competencyCodes: ['SCR-03'],
      createdById: sam.allianceSupervisorId!,
    },
  ]);
}
