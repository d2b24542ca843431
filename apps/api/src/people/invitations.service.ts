import { randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  InvitationIssued,
  InvitationView,
  OrganisationView,
  PersonListItem,
  Role,
  RoleOfferView,
} from '@ccc/contracts';
import { PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { NO_ALLIANCE } from '../access/access.service';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { AuthSession } from '../auth/auth-session.entity';
import { hashPassword } from '../auth/auth.service';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { ActionLink } from '../links/action-link.entity';
import { findLiveLink, hashToken, issueActionLink } from '../links/action-links';
import { OutboxMessage } from '../links/outbox-message.entity';
import { renderMail, type RenderedMail } from '../notifications/mail-templates';
import { Organisation } from '../organisations/organisation.entity';
import type { InvitePersonDto } from './dto/invite-person.dto';
import { Person } from './person.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RoleOffer } from './role-offer.entity';
import { Clock } from '../common/clock';

export const INVITATION_LIFETIME_DAYS = 7;
const ALREADY_HOLDS = 'This person already holds this role here';
const OFFER_WAITING =
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
const ORGANISATION_KIND: Record<Exclude<Role, 'national_viewer'>, 'alliance' | 'pcn'> = {
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
const EMAILS = {
  roleAdded: (name: string, inviter: string, where: string) =>
    asOutbox(renderMail('roleAdded', { name, inviter, where })),
  offer: (name: string, inviter: string, role: Role, where: string, expiresAt: Date, url: string) =>
    asOutbox(
      renderMail('offer', { name, inviter, role: ROLE_NAMES[role], where, expires: londonTime(expiresAt), url }),
    ),
  invitation: (name: string, inviter: string, where: string, expiresAt: Date, url: string) =>
    asOutbox(renderMail('invitation', { name, inviter, where: where || null, expires: londonTime(expiresAt), url })),
};

/** One row of a bulk invitation: an organisation of the caller's Alliance, of the role's kind. */
export interface InviteManyInput {
  email: string;
  fullName: string;
  role: Role;
  employmentStart: string | null;
  organisation: Organisation;
}

/**
 * People and their invitations. An administrator invites a person: the person and their role are created with
 * no password, and a one-time link (an action link of purpose `set_password`, e-mailed through the outbox)
 * lets them choose one. The link expires after 7 days and works once; inviting again replaces it.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The Alliance the caller works in, where they may see people: an administrator's or an Alliance supervisor's. */
  private alliancesOf(user: AuthUser): string[] {
    if (!user.allianceId) return [];
    return hasRole(user, 'admin') ? [user.allianceId] : organisationsWhere(user, 'alliance_supervisor');
  }

  /**
   * People with a role in the caller's Alliance or its PCNs, with those roles only (a person's roles in another
   * Alliance are that Alliance's business): one query.
   */
  async list(user: AuthUser): Promise<PersonListItem[]> {
    const rows: {
      id: string;
      full_name: string;
      email: string;
      pending: boolean;
      pending_email: string | null;
      deactivated_at: Date | null;
      version: number;
      role: Role;
      organisation_id: string;
      organisation_name: string;
    }[] = await this.db.query(
      `SELECT p.id, p.full_name, p.email, p.password_hash IS NULL AS pending,
              p.pending_email, p.deactivated_at, p.version, ra.role, ra.organisation_id, o.name AS organisation_name
         FROM person p
         JOIN role_assignment ra ON ra.person_id = p.id
         JOIN organisation o ON o.id = ra.organisation_id
        WHERE o.alliance_id = ANY($1::uuid[])
        ORDER BY p.full_name, p.id, ra.role`,
      [this.alliancesOf(user)],
    );
    const people = new Map<string, PersonListItem>();
    for (const row of rows) {
      const person = people.get(row.id) ?? {
        id: row.id,
        fullName: row.full_name,
        email: row.email,
        roles: [],
        invitationPending: row.pending,
        pendingEmail: row.pending_email,
        deactivatedAt: row.deactivated_at?.toISOString() ?? null,
        version: row.version,
      };
      person.roles.push({
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
      });
      people.set(row.id, person);
    }
    // Invitations not answered yet, as their administrator typed them: nobody holds these roles until accepted.
    const offers: {
      id: string;
      full_name: string;
      email: string;
      role: Role;
      organisation_id: string;
      name: string;
    }[] = await this.db.query(
      `SELECT ro.id, ro.full_name, ro.email, ro.role, ro.organisation_id, o.name
           FROM role_offer ro JOIN organisation o ON o.id = ro.organisation_id
          WHERE ro.alliance_id = ANY($1::uuid[]) AND ro.accepted_at IS NULL AND ro.declined_at IS NULL
          ORDER BY ro.full_name, ro.id`,
      [this.alliancesOf(user)],
    );
    const invited: PersonListItem[] = offers.map((o) => ({
      id: o.id,
      fullName: o.full_name,
      email: o.email,
      roles: [{ role: o.role, organisationId: o.organisation_id, organisationName: o.name }],
      invitationPending: true,
      // An offer, not an account: nothing of it is edited but by a new invitation.
      pendingEmail: null,
      deactivatedAt: null,
      version: 0,
    }));
    return [...people.values(), ...invited].sort(
      (a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id),
    );
  }

  async organisations(user: AuthUser): Promise<OrganisationView[]> {
    const rows: {
      id: string;
      name: string;
      kind: 'alliance' | 'pcn';
      parent_id: string | null;
      closed_at: Date | null;
      version: number;
    }[] = await this.db.query(
      `SELECT id, name, kind, parent_id, closed_at, version FROM organisation
        WHERE alliance_id = ANY($1::uuid[]) AND kind IN ('alliance', 'pcn')
        ORDER BY kind, name`,
      [this.alliancesOf(user)],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      closedAt: r.closed_at?.toISOString() ?? null,
      version: r.version,
    }));
  }

  async invite(user: AuthUser, dto: InvitePersonDto, baseUrl: string): Promise<InvitationIssued> {
    const email = dto.email.trim().toLowerCase();
    const fullName = dto.fullName.trim();
    const organisation = await this.db.getRepository(Organisation).findOneBy({ id: dto.organisationId });
    const kind = ORGANISATION_KIND[dto.role as Exclude<Role, 'national_viewer'>];
    if (!organisation || organisation.kind !== kind || organisation.allianceId !== user.allianceId)
      throw validationFailed([
        {
          field: 'organisationId',
          reason:
            kind === 'pcn'
              ? 'this role is held in a PCN: give the id of a PCN in your Alliance'
              : 'this role is held in an Alliance: give your Alliance\u2019s id',
        },
      ]);
    if (organisation.closedAt)
      throw validationFailed([{ field: 'organisationId', reason: 'this PCN is closed and takes no one new' }]);
    try {
      return await this.db.transaction(async (manager) => {
        // Serialises invitations of one address, so two at once make one person.
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`invite:${email}`]);
        const { issued, audit } = await this.inviteIn(
          manager,
          user,
          { email, fullName, role: dto.role, employmentStart: null },
          organisation,
          baseUrl,
        );
        await this.audit.record(manager, audit);
        return issued;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new ConflictException(ALREADY_HOLDS);
      throw error;
    }
  }

  /**
   * One invitation inside the caller's transaction (which holds the address's advisory lock): a role offer
   * e-mailed through the outbox (sent once the transaction commits), or, for someone already on this Alliance's
   * people list, the role given directly. The audit entry is returned for the caller to record, so that a bulk
   * import records its entries together. `organisation` is one of the caller's Alliance, of the role's kind.
   */
  async inviteIn(
    manager: EntityManager,
    user: AuthUser,
    input: { email: string; fullName: string; role: Role; employmentStart: string | null },
    organisation: Organisation,
    baseUrl: string,
  ): Promise<{ issued: InvitationIssued; audit: AuditRecord; outcome: 'invited' | 'role_added' }> {
    const { email, fullName } = input;
    const allianceId = organisation.allianceId!;
    const existing = await manager.getRepository(Person).findOneBy({ email });
    if (existing && (await this.holdsRoleIn(manager, existing.id, allianceId)))
      return { ...(await this.addRole(manager, user, existing, input.role, organisation)), outcome: 'role_added' };
    if (existing) {
      const pending = await manager.getRepository(RoleOffer).exists({
        where: { personId: existing.id, allianceId, acceptedAt: IsNull(), declinedAt: IsNull() },
      });
      if (pending) throw new ConflictException(OFFER_WAITING);
    }
    // Anyone else, known elsewhere or not, gets the same: an offer of the role, e-mailed, and the same answer.
    const personId =
      existing?.id ??
      String((await manager.insert(Person, { email, fullName, passwordHash: null })).identifiers[0]!['id']);
    const offer = await manager.save(
      manager.create(RoleOffer, {
        personId,
        role: input.role,
        organisationId: organisation.id,
        allianceId,
        fullName,
        email,
        invitedById: user.id,
        acceptedAt: null,
        declinedAt: null,
        employmentStart: input.employmentStart,
      }),
    );
    const expiresAt = await this.sendOffer(manager, user, offer, organisation.name, baseUrl);
    return {
      issued: { person: { id: offer.id, email, fullName }, expiresAt: expiresAt.toISOString() },
      audit: {
        actorId: user.id,
        action: 'person.invited',
        entityType: 'role_offer',
        entityId: offer.id,
        detail: { role: input.role, organisationId: organisation.id },
      },
      outcome: 'invited',
    };
  }

  /**
   * Many invitations at once, inside the caller's transaction (which holds every address's advisory lock), by the
   * same rules and with the same e-mails as {@link inviteIn}, in a fixed number of statements however many rows:
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
    if ((waiting?.n ?? 0) > 0) throw new ConflictException(OFFER_WAITING);

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
        [added.map((i) => byEmail.get(i.email)!.id), added.map((i) => i.role), added.map((i) => i.organisation.id)],
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
          offered.map((i) => byEmail.get(i.email)!.id),
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

  private async holdsRoleIn(manager: EntityManager, personId: string, allianceId: string): Promise<boolean> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
        WHERE ra.person_id = $1 AND o.alliance_id = $2`,
      [personId, allianceId],
    );
    return (row?.n ?? 0) > 0;
  }

  /**
   * Someone who already holds a role in this Alliance (and so is on its people list) is given another one here
   * directly, and told by e-mail. 409 if they hold that very role there already.
   */
  private async addRole(
    manager: EntityManager,
    user: AuthUser,
    existing: Person,
    role: Role,
    organisation: Organisation,
  ): Promise<{ issued: InvitationIssued; audit: AuditRecord }> {
    await manager.insert(RoleAssignment, { personId: existing.id, role, organisationId: organisation.id });
    const person = { id: existing.id, email: existing.email, fullName: existing.fullName };
    await manager.insert(OutboxMessage, {
      toPersonId: person.id,
      toEmail: person.email,
      ...EMAILS.roleAdded(person.fullName, user.fullName, organisation.name),
    });
    const audit: AuditRecord = {
      actorId: user.id,
      action: 'person.role_added',
      entityType: 'person',
      entityId: person.id,
      detail: { role, organisationId: organisation.id },
    };
    return { issued: { person, expiresAt: null }, audit };
  }

  /**
   * The e-mailed link that accepts an offer: to choose a password, for someone who has none yet (accepting by
   * setting it), or to accept signed in, for someone who has one.
   */
  private async sendOffer(
    manager: EntityManager,
    user: AuthUser,
    offer: RoleOffer,
    where: string,
    baseUrl: string,
  ): Promise<Date> {
    const [row] = await manager.query<{ has_password: boolean; full_name: string }[]>(
      'SELECT password_hash IS NOT NULL AS has_password, full_name FROM person WHERE id = $1',
      [offer.personId],
    );
    const person = { id: offer.personId, email: offer.email, fullName: offer.fullName };
    if (!row?.has_password) return this.sendLink(manager, user, person, baseUrl, where, offer.id);
    const { token, expiresAt } = await issueActionLink(manager, {
      purpose: 'accept_role',
      targetId: offer.id,
      personId: offer.personId,
      lifetimeDays: INVITATION_LIFETIME_DAYS,
      now: this.clock.now(),
    });
    await manager.insert(OutboxMessage, {
      toPersonId: offer.personId,
      toEmail: offer.email,
      ...EMAILS.offer(row.full_name, user.fullName, offer.role, where, expiresAt, `${baseUrl}/accept-role/${token}`),
    });
    return expiresAt;
  }

  /**
   * A fresh link for someone invited who has not accepted yet (the earlier link stops working): by the id the
   * invitation answered with, or, for an invitation made before offers, the person's id.
   */
  async reinvite(user: AuthUser, id: string, baseUrl: string): Promise<InvitationIssued> {
    const offer = await this.db.getRepository(RoleOffer).findOne({
      where: { id, allianceId: user.allianceId ?? NO_ALLIANCE },
      relations: { organisation: true },
    });
    if (offer) {
      if (offer.acceptedAt || offer.declinedAt)
        throw new ConflictException('This invitation has been answered already; the person can sign in');
      return this.db.transaction(async (manager) => {
        const expiresAt = await this.sendOffer(manager, user, offer, offer.organisation!.name, baseUrl);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'person.reinvited',
          entityType: 'role_offer',
          entityId: offer.id,
        });
        return {
          person: { id: offer.id, email: offer.email, fullName: offer.fullName },
          expiresAt: expiresAt.toISOString(),
        };
      });
    }
    const people = await this.list(user);
    const person = people.find((p) => p.id === id);
    if (!person) throw new NotFoundException('Person not found');
    if (!person.invitationPending)
      throw new ConflictException('This person has already set a password; they can sign in');
    return this.db.transaction(async (manager) => {
      const expiresAt = await this.sendLink(manager, user, person, baseUrl, person.roles[0]?.organisationName ?? '');
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'person.reinvited',
        entityType: 'person',
        entityId: person.id,
      });
      return {
        person: { id: person.id, email: person.email, fullName: person.fullName },
        expiresAt: expiresAt.toISOString(),
      };
    });
  }

  private async sendLink(
    manager: EntityManager,
    user: AuthUser,
    person: { id: string; email: string; fullName: string },
    baseUrl: string,
    where: string,
    offerId?: string,
  ): Promise<Date> {
    const { token, expiresAt } = await issueActionLink(manager, {
      purpose: 'set_password',
      targetId: offerId ?? person.id,
      personId: person.id,
      lifetimeDays: INVITATION_LIFETIME_DAYS,
      now: this.clock.now(),
    });
    await manager.insert(OutboxMessage, {
      toPersonId: person.id,
      toEmail: person.email,
      ...EMAILS.invitation(person.fullName, user.fullName, where, expiresAt, `${baseUrl}/set-password/${token}`),
    });
    return expiresAt;
  }

  /** An offer waiting for the signed-in person, by its link: 404 for anyone else's (or no) link. */
  async offer(user: AuthUser, token: string): Promise<RoleOfferView> {
    const { link, offer } = await this.liveOffer(this.db.manager, user, token);
    return {
      role: offer.role,
      organisationName: offer.organisation!.name,
      allianceId: offer.allianceId,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  private async liveOffer(manager: EntityManager, user: AuthUser, token: string) {
    const link = await findLiveLink(manager, token, ['accept_role'], this.clock.now());
    if (link.personId !== user.id) throw new NotFoundException('This link is not valid');
    const offer = await manager
      .getRepository(RoleOffer)
      .findOne({ where: { id: link.targetId }, relations: { organisation: true } });
    if (!offer) throw new NotFoundException('This link is not valid');
    return { link, offer };
  }

  /** The person accepts (or declines) the role, signed in: the link is claimed and the answer audited together. */
  async answerOffer(user: AuthUser, token: string, accept: boolean): Promise<void> {
    await this.db.transaction(async (manager) => {
      const { link, offer } = await this.liveOffer(manager, user, token);
      const claimed = await manager.update(ActionLink, { id: link.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
      if (!claimed.affected) throw new GoneException('This link has already been used');
      if (accept) await this.acceptIn(manager, offer);
      else await manager.update(RoleOffer, { id: offer.id }, { declinedAt: this.clock.now() });
      if (!accept)
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'person.role_declined',
          entityType: 'role_offer',
          entityId: offer.id,
          detail: { role: offer.role, organisationId: offer.organisationId },
        });
    });
  }

  /** The offered role becomes the person's (once: holding it already is fine). */
  private async acceptIn(manager: EntityManager, offer: RoleOffer): Promise<void> {
    await manager.update(RoleOffer, { id: offer.id }, { acceptedAt: this.clock.now() });
    await manager
      .createQueryBuilder()
      .insert()
      .into(RoleAssignment)
      .values({ personId: offer.personId, role: offer.role, organisationId: offer.organisationId })
      .orIgnore()
      .execute();
    await this.audit.record(manager, {
      actorId: offer.personId,
      action: 'person.role_accepted',
      entityType: 'role_offer',
      entityId: offer.id,
      detail: { role: offer.role, organisationId: offer.organisationId },
    });
  }

  async show(token: string): Promise<InvitationView> {
    const link = await findLiveLink(this.db.manager, token, ['set_password'], this.clock.now());
    const offer = await this.db.getRepository(RoleOffer).findOneBy({ id: link.targetId });
    // The name as invited: the person's own name only once they are someone's (an invitation of before offers).
    return {
      fullName: offer?.fullName ?? link.person!.fullName,
      email: link.person!.email,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /** Sets the password once: the link is claimed, the password stored and any session ended, all together. */
  async setPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (manager) => {
      const link = await findLiveLink(manager, token, ['set_password'], this.clock.now());
      const claimed = await manager.update(ActionLink, { id: link.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
      if (!claimed.affected) throw new GoneException('This link has already been used');
      const updated = await manager.update(Person, { id: link.personId }, { passwordHash });
      if (!updated.affected) throw new BadRequestException('This link is not valid');
      // Choosing a password from an invitation accepts the role it offered.
      const offer = await manager.getRepository(RoleOffer).findOneBy({ id: link.targetId, acceptedAt: IsNull() });
      if (offer) await this.acceptIn(manager, offer);
      await manager.update(
        AuthSession,
        { personId: link.personId, revokedAt: IsNull() },
        { revokedAt: () => 'now()', revokedReason: 'password_changed' },
      );
      await this.audit.record(manager, {
        actorId: link.personId,
        action: 'person.password_set',
        entityType: 'person',
        entityId: link.personId,
        detail: { viaLink: true, linkId: link.id },
      });
    });
  }
}
