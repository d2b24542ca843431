import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@ccc/contracts';
import { addDays } from 'date-fns';
import { type EntityManager } from 'typeorm';
import { NO_ALLIANCE } from '../access/access.service';
import { type AuditRecord } from '../audit/audit.service';
import { type AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Conflict } from '../common/domain-errors';
import { hashToken } from '../links/action-links';
import { type Organisation } from '../organisations/organisation.entity';
import { EMAILS, INVITATION_LIFETIME_DAYS, OFFER_WAITING } from './invitation-mail';
import { lookup } from '../common/lookup';

/** One row of a bulk invitation: an organisation of the caller's Alliance, of the role's kind. */
export interface InviteManyInput {
  email: string;
  fullName: string;
  role: Role;
  employmentStart: string | null;
  organisation: Organisation;
}

/** Invitations in bulk (the people import's): set-based statements, the single invitation's rules and e-mails. */
@Injectable()
export class BulkInvitationsService {
  constructor(private readonly clock: Clock) {}

  /**
   * Many invitations at once, inside the caller's transaction (which holds every address's advisory lock), by the
   * same rules and with the same e-mails as {@link InvitationsService.inviteIn}, in a fixed number of statements however many rows:
   * someone already on this Alliance's people list is given the role directly, anyone else (known elsewhere or
   * not) is offered it with a one-time link. 409 if an offer here waits for one of them (the bulk import checks
   * that first, row by row). The audit entries are returned for the caller to record with its own.
   */
  async inviteMany(
    manager: EntityManager,
    user: AuthUser,
    inputs: InviteManyInput[],
    baseUrl: string,
  ): Promise<{ audits: AuditRecord[]; outcomes: ('invited' | 'role_added')[] }> {
    const allianceId = user.allianceId ?? NO_ALLIANCE;
    const emails = [...new Set(inputs.map((i) => i.email))];
    const known: { id: string; email: string; full_name: string; has_password: boolean }[] = await manager.query(
      `SELECT id, email, full_name, password_hash IS NOT NULL AS has_password FROM person WHERE email = ANY($1::text[])`,
      [emails],
    );
    const byEmail = new Map(known.map((p) => [p.email, p]));
    const ids = known.map((p) => p.id);
    const holders = new Set(
      (
        await manager.query<{ person_id: string }[]>(
          `SELECT DISTINCT ra.person_id FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
            WHERE o.alliance_id = $1 AND ra.person_id = ANY($2::uuid[])`,
          [allianceId, ids],
        )
      ).map((r) => r.person_id),
    );
    const onList = (input: InviteManyInput) => holders.has(byEmail.get(input.email)?.id ?? '');
    const offered = inputs.filter((i) => !onList(i));
    const [waiting] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM role_offer WHERE alliance_id = $1 AND person_id = ANY($2::uuid[])
          AND accepted_at IS NULL AND declined_at IS NULL`,
      [allianceId, offered.map((i) => byEmail.get(i.email)?.id).filter((id): id is string => !!id)],
    );
    if ((waiting?.n ?? 0) > 0) throw new Conflict(OFFER_WAITING);

    // New people, with no password: the name as invited until they accept.
    const fresh = offered.filter((i) => !byEmail.has(i.email));
    if (fresh.length) {
      const made: { id: string; email: string; full_name: string }[] = await manager.query(
        `INSERT INTO person (email, full_name) SELECT * FROM unnest($1::text[], $2::text[])
         RETURNING id, email, full_name`,
        [fresh.map((i) => i.email), fresh.map((i) => i.fullName)],
      );
      for (const p of made) byEmail.set(p.email, { ...p, has_password: false });
    }
    const audits: AuditRecord[] = [];
    const mail: { personId: string; email: string; subject: string; body: string; html: string }[] = [];

    const added = inputs.filter(onList);
    if (added.length) {
      await manager.query(
        `INSERT INTO role_assignment (person_id, role, organisation_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[])`,
        [added.map((i) => lookup(byEmail, i.email).id), added.map((i) => i.role), added.map((i) => i.organisation.id)],
      );
      for (const i of added) {
        const person = byEmail.get(i.email)!;
        mail.push({
          personId: person.id,
          email: person.email,
          ...EMAILS.roleAdded(person.full_name, user.fullName, i.organisation.name),
        });
        audits.push({
          actorId: user.id,
          action: 'person.role_added',
          entityType: 'person',
          entityId: person.id,
          detail: { role: i.role, organisationId: i.organisation.id },
        });
      }
    }

    if (offered.length) {
      const offers: { id: string; person_id: string }[] = await manager.query(
        `INSERT INTO role_offer (person_id, role, organisation_id, alliance_id, full_name, email, invited_by_id,
                                 employment_start)
         SELECT p, r, o, $4::uuid, n, e, $7::uuid, d
           FROM unnest($1::uuid[], $2::text[], $3::uuid[], $5::text[], $6::text[], $8::date[]) AS x (p, r, o, n, e, d)
         RETURNING id, person_id`,
        [
          offered.map((i) => lookup(byEmail, i.email).id),
          offered.map((i) => i.role),
          offered.map((i) => i.organisation.id),
          allianceId,
          offered.map((i) => i.fullName),
          offered.map((i) => i.email),
          user.id,
          offered.map((i) => i.employmentStart),
        ],
      );
      // One offer per person in a batch (the import refuses a second), so the person finds their offer.
      const offerOf = new Map(offers.map((o) => [o.person_id, o.id]));
      const expiresAt = addDays(this.clock.now(), INVITATION_LIFETIME_DAYS);
      const links: { token: string; purpose: 'set_password' | 'accept_role'; offerId: string; personId: string }[] =
        offered.map((i) => {
          const person = byEmail.get(i.email)!;
          return {
            token: randomBytes(32).toString('base64url'),
            purpose: person.has_password ? 'accept_role' : 'set_password',
            offerId: offerOf.get(person.id)!,
            personId: person.id,
          };
        });
      await manager.query(
        `INSERT INTO action_link (token_hash, purpose, target_id, person_id, expires_at)
         SELECT h, p, t, w, $5::timestamptz FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) AS x (h, p, t, w)`,
        [
          links.map((l) => hashToken(l.token)),
          links.map((l) => l.purpose),
          links.map((l) => l.offerId),
          links.map((l) => l.personId),
          expiresAt,
        ],
      );
      offered.forEach((i, n) => {
        const person = byEmail.get(i.email)!;
        const link = links[n]!;
        mail.push({
          personId: person.id,
          email: i.email,
          ...(link.purpose === 'accept_role'
            ? EMAILS.offer(
                person.full_name,
                user.fullName,
                i.role,
                i.organisation.name,
                expiresAt,
                `${baseUrl}/accept-role/${link.token}`,
              )
            : EMAILS.invitation(
                i.fullName,
                user.fullName,
                i.organisation.name,
                expiresAt,
                `${baseUrl}/set-password/${link.token}`,
              )),
        });
        audits.push({
          actorId: user.id,
          action: 'person.invited',
          entityType: 'role_offer',
          entityId: link.offerId,
          detail: { role: i.role, organisationId: i.organisation.id },
        });
      });
    }
    if (mail.length)
      await manager.query(
        `INSERT INTO outbox_message (to_person_id, to_email, subject, body, html)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          mail.map((m) => m.personId),
          mail.map((m) => m.email),
          mail.map((m) => m.subject),
          mail.map((m) => m.body),
          mail.map((m) => m.html),
        ],
      );
    return { audits, outcomes: inputs.map((i) => (onList(i) ? 'role_added' : 'invited')) };
  }
}
