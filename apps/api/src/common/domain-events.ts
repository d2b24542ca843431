import { Injectable } from '@nestjs/common';
import type { SessionAction, SessionKind, SessionStatus, TnaSide } from '@ccc/programme';
import type { EntityManager } from 'typeorm';

/**
 * What happened, in the programme's words, and what each event carries: ids and the few facts its handlers need,
 * never entities. A feature that must act on another's change subscribes here instead of being called by it.
 */
export interface DomainEventPayloads {
  /** A session's time or status changed (booked, moved, offered, accepted, cancelled, recorded). */
  'session.changed': {
    sessionId: string;
    action: SessionAction;
    status: SessionStatus;
    kind: SessionKind;
    title: string;
    startsAt: Date | null;
    durationMinutes: number | null;
    /** Its register: the enrolments of the CCCs it is for. */
    enrolmentIds: string[];
  };
  /** A held session's register was recorded. */
  'session.recorded': {
    sessionId: string;
    kind: SessionKind;
    month: number;
    startsAt: Date | null;
    presentEnrolmentIds: string[];
    recordedById: string;
    recordedAt: Date;
  };
  /** A CCC submitted evidence for a competency. */
  'evidence.submitted': {
    evidenceId: string;
    enrolmentId: string;
    code: string;
    competencyTitle: string;
    submittedById: string;
    cccName: string;
    reviewerId: string | null;
    /** True when the competency has just started waiting for review (more evidence while it waits joins it). */
    startedWaiting: boolean;
  };
  /** A reviewer signed a competency off or asked for more. */
  'competency.reviewed': { reviewId: string; enrolmentId: string; code: string; reviewerId: string };
  /** A CCC rated themselves in a TNA round, or CCC and supervisor agreed its ratings. */
  'tna.rated': { enrolmentId: string; round: number; side: TnaSide; ratedById: string };
}

export type DomainEventType = keyof DomainEventPayloads;
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: { type: K } & DomainEventPayloads[K];
}[T];
/** Runs in the publisher's transaction: what it writes commits with the change, and a throw rolls it all back. */
export type DomainEventHandler<T extends DomainEventType> = (
  event: DomainEvent<T>,
  manager: EntityManager,
) => Promise<void> | void;

/**
 * The in-process bus. Subscribers register in their own module (`onModuleInit`), so the module that cares is the
 * one that names the event; publishers know only this bus. Handlers run awaited, one after another, in the order
 * they registered (module initialisation order), inside the publisher's transaction. Provided globally by
 * CommandsModule; a command publishes with `ctx.publish(event)`.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, DomainEventHandler<never>[]>();

  on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DomainEventHandler<never>);
    this.handlers.set(type, list);
  }

  async publish<T extends DomainEventType>(manager: EntityManager, event: DomainEvent<T>): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      await (handler as DomainEventHandler<T>)(event, manager);
    }
  }
}
