import { renderMail } from './mail-templates';

describe('mail templates: one per kind, as text and as HTML', () => {
  it('says the same in both parts, escaping names only in the HTML', () => {
    const mail = renderMail('sessionSlot', {
      title: 'Joint session',
      cccName: 'Zoë <O’Brien> & Co',
      when: 'Tuesday 6 April 2027 at 14:00',
      minutes: 60,
      place: null,
      meetingLink: 'https://meet.example.org/abc?x=1&y=2',
      expires: 'Tuesday 20 April 2027 at 14:00',
      url: 'https://ccc.example.org/respond/tok',
    });
    expect(mail.subject).toBe('Joint session with Zoë <O’Brien> & Co: can you make it?');
    expect(mail.text).toBe(
      'Joint session with Zoë <O’Brien> & Co is offered on Tuesday 6 April 2027 at 14:00 (UK time) for 60 minutes.\n\n' +
        'By video: https://meet.example.org/abc?x=1&y=2\n\n' +
        'Answer here, no sign-in needed (the link works once, until Tuesday 20 April 2027 at 14:00):\n' +
        'https://ccc.example.org/respond/tok\n',
    );
    expect(mail.html).toContain('Zoë &lt;O’Brien&gt; &amp; Co is offered on Tuesday 6 April 2027 at 14:00');
    expect(mail.html).toContain('<a href="https://meet.example.org/abc?x=1&amp;y=2"');
    expect(mail.html).toContain(
      'until Tuesday 20 April 2027 at 14:00):<br><a href="https://ccc.example.org/respond/tok"',
    );
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
  });

  it('writes the place of a session held in person', () => {
    const mail = renderMail('session', {
      heading: 'Invitation',
      organiser: 'Alex Carter',
      what: 'booked',
      title: 'Joint session',
      when: 'Tuesday 6 April 2027 at 14:00',
      place: 'Room 2, Riverside Surgery',
      meetingLink: null,
      reason: null,
      cancelled: false,
    });
    expect(mail.text).toContain('Where: Room 2, Riverside Surgery (in person)\n\n');
    expect(mail.text).not.toContain('Reason');
    expect(mail.text.endsWith('the invitation is attached.\n')).toBe(true);
  });

  it('refuses a message whose data lacks a value its template uses', () => {
    expect(() => renderMail('roleAdded', { name: 'Sam', inviter: 'Alex' })).toThrow(/where/);
  });
});
