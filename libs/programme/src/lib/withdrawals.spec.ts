import { evidenceRemoval, releaseWithdrawal, stateAfterEvidenceRemoved } from './withdrawals';

describe('withdrawing study time', () => {
  it('lets the CCC withdraw study time or a training day still waiting for the PCN', () => {
    expect(releaseWithdrawal({ kind: 'study', status: 'pending' })).toEqual({ ok: true });
    expect(releaseWithdrawal({ kind: 'training', status: 'pending' })).toEqual({ ok: true });
  });

  it('keeps what the PCN has decided, and release that follows a session', () => {
    expect(releaseWithdrawal({ kind: 'study', status: 'confirmed' })).toMatchObject({ ok: false });
    expect(releaseWithdrawal({ kind: 'study', status: 'declined' })).toMatchObject({ ok: false });
    expect(releaseWithdrawal({ kind: 'study', status: 'withdrawn' })).toMatchObject({ ok: false });
    expect(releaseWithdrawal({ kind: 'session', status: 'pending' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('follows the session'),
    });
  });
});

describe('removing evidence', () => {
  const added = { createdAt: new Date('2026-12-02T10:00:00Z') };

  it('is allowed while no reviewer has decided since it was added', () => {
    expect(evidenceRemoval(added, 'evidence_submitted', [])).toEqual({ ok: true });
    // A return before this evidence was added does not cover it.
    expect(evidenceRemoval(added, 'evidence_submitted', [new Date('2026-11-30T10:00:00Z')])).toEqual({ ok: true });
  });

  it('is refused once a review came after it, or from a signed-off competency', () => {
    expect(evidenceRemoval(added, 'working_towards', [new Date('2026-12-03T10:00:00Z')])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already looked'),
    });
    expect(evidenceRemoval(added, 'signed_off', [])).toMatchObject({ ok: false });
  });

  it('sends a competency waiting for review back to working towards when its last evidence goes', () => {
    expect(stateAfterEvidenceRemoved('evidence_submitted', 0)).toBe('working_towards');
    expect(stateAfterEvidenceRemoved('evidence_submitted', 1)).toBe('evidence_submitted');
    expect(stateAfterEvidenceRemoved('working_towards', 0)).toBe('working_towards');
  });
});
