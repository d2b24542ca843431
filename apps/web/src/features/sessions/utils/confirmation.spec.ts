import { describe, expect, it } from '@jest/globals';
import { confirmationFor } from './confirmation';

describe('confirmationFor', () => {
  it('says a joint session now waits for the PCN supervisor', () => {
    const message = confirmationFor('book', { status: 'awaiting_pcn', startsAt: '2026-12-01T14:00:00.000Z' });
    expect(message.title).toBe('Time offered to the PCN supervisor');
    expect(message.detail).toContain('Tuesday 1 December 2026, 14:00');
  });

  it('says a session is booked, with its UK time', () => {
    expect(confirmationFor('book', { status: 'scheduled', startsAt: '2026-07-01T09:00:00.000Z' })).toEqual({
      title: 'Session booked',
      detail: 'It is booked for Wednesday 1 July 2026, 10:00 (UK time).',
    });
    expect(confirmationFor('accept_slot', { status: 'scheduled', startsAt: null }).title).toBe('Session booked');
  });
});
