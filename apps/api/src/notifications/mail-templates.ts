import Handlebars from 'handlebars';

/*
 * Every e-mail the service sends, one Handlebars template per kind of message, rendered twice: as the plain text
 * part and as the HTML part (multipart/alternative), so the two cannot say different things. A template is written
 * with a few block helpers whose meaning is the same in both renderings:
 *   {{#p}}…{{/p}}   a paragraph (text: separated by a blank line; template line breaks fold to spaces)
 *   {{br}}          a line break inside a paragraph
 *   {{link url}}    an address (HTML: a link showing the address; text: the address on its own)
 * The HTML rendering escapes every value (names, titles, free text); the text one writes them as they are. Dates
 * and times come in already written the UK way ("Tuesday 6 April 2027 at 14:00", Europe/London).
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Marks a line break in the text rendering until paragraphs are folded (no template or value holds it). */
const BR = '\u2028';
/** An address as an HTML attribute and text: only what HTML needs escaped, so it reads as the address it is. */
const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function environment(mode: 'text' | 'html') {
  const hb = Handlebars.create();
  hb.registerHelper('p', function (this: unknown, options: Handlebars.HelperOptions) {
    const inner = options
      .fn(this)
      .replace(/\u2028\s*/g, BR)
      .replace(/[ \t]*\n[ \t]*/g, ' ')
      .trim();
    if (mode === 'text') return `${inner}\n\n`;
    return new hb.SafeString(`<p style="margin:0 0 16px">${inner}</p>\n`);
  });
  hb.registerHelper('br', () => (mode === 'text' ? BR : new hb.SafeString('<br>')));
  hb.registerHelper('link', (url: unknown) => {
    const href = mode === 'html' ? attribute(String(url ?? '')) : String(url ?? '');
    return mode === 'text' ? href : new hb.SafeString(`<a href="${href}" style="color:#005eb8">${href}</a>`);
  });
  return hb;
}

const TEXT = environment('text');
const HTML = environment('html');

/** The templates: a subject (text only) and a body, per kind of message. */
const TEMPLATES = {
  /** A reminder from the reminders job (its words written by libs/programme's rules). */
  reminder: {
    subject: '{{title}}',
    body: `{{#p}}{{body}}{{/p}}
{{#p}}Open it in CCC Programme: {{link url}}{{/p}}
{{#p}}You can choose which reminders you get: {{link preferencesUrl}}{{/p}}`,
  },
  handoverAmended: {
    subject: 'The handover record of {{cccName}} was amended: sign it again',
    body: `{{#p}}The handover and evaluation record of {{cccName}} was corrected after you signed it. Read the amendment
and sign the record again.{{/p}}`,
  },
  /** A one-time link a PCN supervisor answers without signing in. */
  releaseRequest: {
    subject: 'Release time for {{cccName}}: please confirm',
    body: `{{#p}}{{cccName}} asks for {{minutes}} minutes on {{date}} for: {{description}}.{{/p}}
{{#p}}Answer here, no sign-in needed (the link works once, until {{expires}}):{{br}}{{link url}}{{/p}}`,
  },
  /** The joint session offered to the PCN supervisor: when, how long, where or by which video link. */
  sessionSlot: {
    subject: '{{title}} with {{cccName}}: can you make it?',
    body: `{{#p}}{{title}} with {{cccName}} is offered on {{when}} (UK time) for {{minutes}} minutes.{{/p}}
{{#p}}{{#if place}}In person at {{place}}.{{else}}By video{{#if meetingLink}}: {{link meetingLink}}{{else}}; the link
follows.{{/if}}{{/if}}{{/p}}
{{#p}}Answer here, no sign-in needed (the link works once, until {{expires}}):{{br}}{{link url}}{{/p}}`,
  },
  invitation: {
    subject: 'Your invitation to the CCC supervision and training programme',
    body: `{{#p}}{{name}}, {{inviter}} has invited you to the CCC programme service{{#if where}} ({{where}}){{/if}}.{{/p}}
{{#p}}Choose your password here (the link works once, until {{expires}}):{{br}}{{link url}}{{/p}}`,
  },
  offer: {
    subject: 'You are offered a role in the CCC supervision and training programme',
    body: `{{#p}}{{name}}, {{inviter}} offers you the role of {{role}} in {{where}}.{{/p}}
{{#p}}Nothing changes until you accept. Sign in with your usual password and accept or decline it here (the link
works once, until {{expires}}):{{br}}{{link url}}{{/p}}`,
  },
  roleAdded: {
    subject: 'You have a new role in the CCC supervision and training programme',
    body: `{{#p}}{{name}}, {{inviter}} has given you another role in {{where}}.{{/p}}`,
  },
  emailConfirm: {
    subject: 'Confirm your new e-mail address for the CCC programme',
    body: `{{#p}}{{name}}, {{changer}} changed the e-mail address you sign in with to this one.{{/p}}
{{#p}}Confirm it here (the link works once, until {{expires}}); until then you sign in with your old address:{{br}}
{{link url}}{{/p}}`,
  },
  emailChanging: {
    subject: 'Your e-mail address for the CCC programme is changing',
    body: `{{#p}}{{name}}, {{changer}} asked to change the e-mail address you sign in with. It changes only once the new
address is confirmed. If this is wrong, tell your programme administrator.{{/p}}`,
  },
  /** A session booked, moved or cancelled: sent with its iTIP invitation (the text/calendar part). */
  session: {
    subject: '{{heading}}: {{title}}, {{when}}',
    body: `{{#p}}{{organiser}} has {{what}} "{{title}}" for {{when}} (UK time).{{/p}}
{{#unless cancelled}}{{#p}}{{#if place}}Where: {{place}} (in person){{else}}How: by video{{#if meetingLink}},
{{link meetingLink}}{{/if}}{{/if}}{{/p}}{{/unless}}
{{#if reason}}{{#p}}Reason: {{reason}}{{/p}}{{/if}}
{{#p}}{{#if cancelled}}Your calendar program removes it from your calendar.{{else}}Accept or decline it in your
calendar program; the invitation is attached.{{/if}}{{/p}}`,
  },
} as const;

export type MailKind = keyof typeof TEMPLATES;

const compiled = Object.fromEntries(
  Object.entries(TEMPLATES).map(([kind, t]) => [
    kind,
    {
      subject: TEXT.compile(t.subject, { noEscape: true, strict: true }),
      text: TEXT.compile(t.body, { noEscape: true, strict: true }),
      html: HTML.compile(t.body, { strict: true }),
    },
  ]),
) as Record<
  MailKind,
  { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate }
>;

/** The HTML part's frame: the sender's name as a banner, the message, a line saying it is automatic. */
function layout(subject: string, content: string, sender: string): string {
  const e = HTML.Utils.escapeExpression;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#f0f4f5;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212b32">
<div role="article" aria-label="${e(subject)}" lang="en-GB" style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#005eb8;color:#ffffff;padding:12px 24px;font-weight:bold">${e(sender)}</div>
<div style="padding:24px">
${content}</div>
<div style="padding:0 24px 24px;color:#4c6272;font-size:14px">An automatic message from the CCC supervision and training programme.</div>
</div>
</body>
</html>
`;
}

/**
 * A message of a kind, rendered from its one template: the subject, the text part and the HTML part. `sender` is
 * the name the HTML banner shows. A value the template names but `data` lacks is an error (strict): pass null.
 */
export function renderMail(
  kind: MailKind,
  data: Record<string, unknown>,
  sender = 'CCC supervision and training programme',
): RenderedMail {
  const template = compiled[kind];
  const subject = template.subject(data).replace(/\s+/g, ' ').trim();
  const text = `${template
    .text(data)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .split(BR)
    .join('\n')}\n`;
  return { subject, text, html: layout(subject, template.html(data), sender) };
}
