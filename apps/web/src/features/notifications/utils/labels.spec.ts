import { describe, expect, it } from '@jest/globals';
import { bodyLines, kindLabel, notificationsNavLabel } from './labels';

describe('notification labels', () => {
  it('says how many are new in the navigation, and nothing when none are', () => {
    expect(notificationsNavLabel(undefined)).toBe('Notifications');
    expect(notificationsNavLabel(0)).toBe('Notifications');
    expect(notificationsNavLabel(3)).toBe('Notifications (3 new)');
  });

  it('names each kind as the preferences form does', () => {
    expect(kindLabel('slot_awaiting_pcn')).toBe('Session times waiting for you');
  });

  it('keeps the lines of a list as a list', () => {
    expect(bodyLines('Month 2 ends on 31 October 2026. Not booked yet:\n- Group supervision\n- Individual')).toEqual({
      paragraphs: ['Month 2 ends on 31 October 2026. Not booked yet:'],
      items: ['Group supervision', 'Individual'],
    });
  });
});
