import { describe, expect, it } from '@jest/globals';
import type { InboxItem } from '@ccc/contracts';
import { nextToReview } from './next-to-review';

const item = (enrolmentId: string, code: string): InboxItem => ({
  enrolmentId,
  ccc: { id: `p-${enrolmentId}`, fullName: `CCC ${enrolmentId}` },
  competency: { code, title: `Competency ${code}` },
  domainTitle: 'Domain',
  state: 'evidence_submitted',
  since: '2026-11-01T10:00:00Z',
  evidenceCount: 1,
  outcome: null,
  comment: null,
  reviewer: null,
  version: 1,
});

describe('nextToReview', () => {
  it('is the oldest evidence waiting other than the one just reviewed, across CCCs', () => {
    const inbox = [item('a', '1.1'), item('b', '1.1'), item('a', '2.3')];
    expect(nextToReview(inbox, 'a', '1.1')).toBe(inbox[1]);
    expect(nextToReview(inbox, 'b', '1.1')).toBe(inbox[0]);
    expect(nextToReview([item('a', '1.1')], 'a', '1.1')).toBeNull();
  });
});
