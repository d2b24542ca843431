import type { EntityManager } from 'typeorm';
import { type DomainEvent, DomainEvents } from './domain-events';

const manager = { name: 'the transaction' } as unknown as EntityManager;

const recorded: DomainEvent<'session.recorded'> = {
  type: 'session.recorded',
  sessionId: 's1',
  kind: 'teaching',
  month: 2,
  startsAt: null,
  presentEnrolmentIds: ['e1', 'e2'],
  recordedById: 'u1',
  recordedAt: new Date('2026-03-02T10:00:00Z'),
};

describe('DomainEvents', () => {
  it('runs every handler of the event, awaited, in the order they registered, with the transaction', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('session.recorded', async (e, m) => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // slower, yet still first
      seen.push(`training ${e.presentEnrolmentIds.join(',')} in ${(m as unknown as { name: string }).name}`);
    });
    events.on('session.recorded', (e) => void seen.push(`second ${e.sessionId}`));
    events.on('session.changed', () => void seen.push('not this one'));
    await events.publish(manager, recorded);
    expect(seen).toEqual(['training e1,e2 in the transaction', 'second s1']);
  });

  it('hands each handler the payload of its own event, typed', async () => {
    const events = new DomainEvents();
    let reviewer: string | null = 'unset';
    events.on('evidence.submitted', (e) => {
      reviewer = e.reviewerId; // typed: evidence.submitted carries reviewerId; session.recorded would not compile
    });
    await events.publish(manager, {
      type: 'evidence.submitted',
      evidenceId: 'ev1',
      enrolmentId: 'e1',
      code: 'A1',
      competencyTitle: 'Listening',
      submittedById: 'c1',
      cccName: 'Sam',
      reviewerId: null,
      startedWaiting: true,
    });
    expect(reviewer).toBeNull();
  });

  it('does nothing for an event nobody handles', async () => {
    await expect(new DomainEvents().publish(manager, recorded)).resolves.toBeUndefined();
  });

  it('propagates a handler that throws, and runs no later handler', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('session.recorded', () => {
      throw new Error('training plan refused');
    });
    events.on('session.recorded', () => void seen.push('later'));
    await expect(events.publish(manager, recorded)).rejects.toThrow('training plan refused');
    expect(seen).toEqual([]);
  });
});
