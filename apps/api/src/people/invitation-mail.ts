import type { Role } from '@ccc/contracts';
import { PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { renderMail, type RenderedMail } from '../notifications/mail-templates';

/* What one invitation and a bulk import share: the link's lifetime, the refusal, where a role is held, the e-mails. */

export const INVITATION_LIFETIME_DAYS = 7;
export const OFFER_WAITING =
  'An invitation to this e-mail address is waiting for an answer; send it again from the people list';
const ROLE_NAMES: Record<Role, string> = {
  admin: 'programme administrator',
  alliance_supervisor: 'Alliance supervisor',
  pcn_supervisor: 'PCN supervisor',
  ccc: 'Cancer Care Coordinator',
  national_viewer: 'national viewer',
};

/**
 * Admins and Alliance supervisors work in an Alliance; PCN supervisors and CCCs in one of its PCNs. National
 * viewers are not invited by an Alliance.
 */
export const ORGANISATION_KIND: Record<Exclude<Role, 'national_viewer'>, 'alliance' | 'pcn'> = {
  admin: 'alliance',
  alliance_supervisor: 'alliance',
  pcn_supervisor: 'pcn',
  ccc: 'pcn',
};

const londonTime = (instant: Date) =>
  format(new TZDate(instant.getTime(), PROGRAMME_TIME_ZONE), "EEEE d MMMM yyyy 'at' HH:mm");

/** The e-mails of an invitation: one wording whether sent one at a time or by a bulk import. */
/** The messages of this feature, each from its template (text and HTML), as outbox columns. */
const asOutbox = ({ subject, text, html }: RenderedMail) => ({ subject, body: text, html });
export const EMAILS = {
  roleAdded: (name: string, inviter: string, where: string) =>
    asOutbox(renderMail('roleAdded', { name, inviter, where })),
  offer: (name: string, inviter: string, role: Role, where: string, expiresAt: Date, url: string) =>
    asOutbox(
      renderMail('offer', { name, inviter, role: ROLE_NAMES[role], where, expires: londonTime(expiresAt), url }),
    ),
  invitation: (name: string, inviter: string, where: string, expiresAt: Date, url: string) =>
    asOutbox(renderMail('invitation', { name, inviter, where: where || null, expires: londonTime(expiresAt), url })),
};
