import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationIssued, Role } from '@ccc/contracts';
import { DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { NO_ALLIANCE } from '../access/access.service';
import { type AuditRecord } from '../audit/audit.service';
import { type AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { Conflict, Invalid, NotFound } from '../common/domain-errors';
import { issueActionLink } from '../links/action-links';
import { OutboxMessage } from '../links/outbox-message.entity';
import { Organisation } from '../organisations/organisation.entity';
import type { InvitePersonDto } from './dto/invite-person.dto';
import { Person } from './person.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RoleOffer } from './role-offer.entity';
import { Clock } from '../common/clock';
import { PeopleDirectoryService } from './people-directory.service';
import { EMAILS, INVITATION_LIFETIME_DAYS, OFFER_WAITING, ORGANISATION_KIND } from './invitation-mail';
import { loaded } from '../common/loaded';

const ALREADY_HOLDS = 'This person already holds this role here';

/**
 * People and their invitations. An administrator invites a person: the person and their role are created with
 * no password, and a one-time link (an action link of purpose `set_password`, e-mailed through the outbox)
 * lets them choose one. The link expires after 7 days and works once; inviting again replaces it.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commands: Commands,
    private readonly clock: Clock,
    private readonly directory: PeopleDirectoryService,
  ) {}

  async invite(user: AuthUser, dto: InvitePersonDto, baseUrl: string): Promise<InvitationIssued> {
    const email = dto.email.trim().toLowerCase();
    const fullName = dto.fullName.trim();
    const organisation = await this.db.getRepository(Organisation).findOneBy({ id: dto.organisationId });
    const kind = ORGANISATION_KIND[dto.role as Exclude<Role, 'national_viewer'>];
    if (!organisation || organisation.kind !== kind || organisation.allianceId !== user.allianceId)
      throw new Invalid([
        {
          field: 'organisationId',
          reason:
            kind === 'pcn'
              ? 'this role is held in a PCN: give the id of a PCN in your Alliance'
              : 'this role is held in an Alliance: give your Alliance\u2019s id',
        },
      ]);
    if (organisation.closedAt)
      throw new Invalid({ field: 'organisationId', reason: 'this PCN is closed and takes no one new' });
    try {
      return await this.commands
        .run({
          // Serialises invitations of one address, so two at once make one person.
          load: async ({ manager }) => {
            await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`invite:${email}`]);
            return organisation;
          },
          apply: ({ manager }) =>
            this.inviteIn(
              manager,
              user,
              { email, fullName, role: dto.role, employmentStart: null },
              organisation,
              baseUrl,
            ),
          audit: (_, { audit }) => audit,
        })
        .then(({ issued }) => issued);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new Conflict(ALREADY_HOLDS);
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
      if (pending) throw new Conflict(OFFER_WAITING);
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
        throw new Conflict('This invitation has been answered already; the person can sign in');
      return this.commands.run({
        load: async () => offer,
        apply: async ({ manager }) => {
          const expiresAt = await this.sendOffer(
            manager,
            user,
            offer,
            loaded(offer, 'organisation').organisation.name,
            baseUrl,
          );
          return {
            person: { id: offer.id, email: offer.email, fullName: offer.fullName },
            expiresAt: expiresAt.toISOString(),
          };
        },
        audit: () => ({ actorId: user.id, action: 'person.reinvited', entityType: 'role_offer', entityId: offer.id }),
      });
    }
    const people = await this.directory.list(user);
    const person = people.find((p) => p.id === id);
    if (!person) throw new NotFound('Person not found');
    if (!person.invitationPending) throw new Conflict('This person has already set a password; they can sign in');
    return this.commands.run({
      load: async () => person,
      apply: async ({ manager }) => {
        const expiresAt = await this.sendLink(manager, user, person, baseUrl, person.roles[0]?.organisationName ?? '');
        return {
          person: { id: person.id, email: person.email, fullName: person.fullName },
          expiresAt: expiresAt.toISOString(),
        };
      },
      audit: () => ({ actorId: user.id, action: 'person.reinvited', entityType: 'person', entityId: person.id }),
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
}
