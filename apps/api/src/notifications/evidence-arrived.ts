import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity';

/**
 * Tells the reviewer the moment evidence arrives: a row in their in-app list, in the caller's transaction (on
 * `evidence.submitted`, NotificationEvents; the demo data calls it directly). The occasion `submitted` keeps it apart from the reminder sent after a week's wait,
 * which uses the same kind and subject with the time of submission as its occasion.
 */
export async function notifyEvidenceArrived(
  manager: EntityManager,
  input: {
    reviewerId: string;
    evidenceId: string;
    enrolmentId: string;
    code: string;
    competencyTitle: string;
    cccName: string;
  },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values({
      personId: input.reviewerId,
      kind: 'evidence_awaiting_review',
      subjectType: 'evidence',
      subjectId: input.evidenceId,
      occasion: 'submitted',
      title: `${input.cccName} submitted evidence for ${input.code}`,
      body: `${input.cccName} submitted evidence for ${input.code} ${input.competencyTitle}. Review it to sign the competency off or ask for more.`,
      link: `/enrolments/${input.enrolmentId}/competencies/${encodeURIComponent(input.code)}`,
    })
    .orIgnore()
    .execute();
}
