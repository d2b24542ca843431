import { Injectable, type OnModuleInit } from '@nestjs/common';
import { draftKeys } from '@ccc/contracts';
import { DomainEvents } from '../common/domain-events';
import { clearDraft } from './drafts.service';

/** A draft has served its purpose once the real thing is taken: dropped in the same transaction. */
@Injectable()
export class DraftsCleanup implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.on('evidence.submitted', (e, manager) =>
      clearDraft(manager, e.submittedById, draftKeys.evidence(e.enrolmentId, e.code)),
    );
    this.events.on('competency.reviewed', (e, manager) =>
      clearDraft(manager, e.reviewerId, draftKeys.review(e.enrolmentId, e.code)),
    );
    this.events.on('tna.rated', (e, manager) =>
      clearDraft(
        manager,
        e.ratedById,
        e.side === 'ccc' ? draftKeys.tnaSelf(e.enrolmentId, e.round) : draftKeys.tnaAgreed(e.enrolmentId, e.round),
      ),
    );
  }
}
