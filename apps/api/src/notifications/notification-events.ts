import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/domain-events';
import { notifyEvidenceArrived } from './evidence-arrived';

/** The in-app notices a change gives, in the change's transaction. */
@Injectable()
export class NotificationEvents implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    // The reviewer hears the moment a competency starts waiting for them (more evidence while it waits joins it).
    this.events.on('evidence.submitted', async (e, manager) => {
      if (!e.startedWaiting || !e.reviewerId) return;
      await notifyEvidenceArrived(manager, {
        reviewerId: e.reviewerId,
        evidenceId: e.evidenceId,
        enrolmentId: e.enrolmentId,
        code: e.code,
        competencyTitle: e.competencyTitle,
        cccName: e.cccName,
      });
    });
  }
}
