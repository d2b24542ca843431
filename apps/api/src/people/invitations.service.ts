import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationIssued, InvitationView, OrganisationView, PersonListItem, Role } from '@ccc/contracts';
import { PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthSession } from '../auth/auth-session.entity';
import { hashPassword } from '../auth/auth.service';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { ActionLink } from '../links/action-link.entity';
import { findLiveLink, issueActionLink } from '../links/action-links';
import { OutboxMessage } from '../links/outbox-message.entity';
import { Organisation } from '../organisations/organisation.entity';
import type { InvitePersonDto } from './dto/invite-person.dto';
import { Person } from './person.entity';
import { RoleAssignment } from './role-assignment.entity';

export const INVITATION_LIFETIME_DAYS = 7;
const DUPLICATE_EMAIL = 'A person with this e-mail address already exists';

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
      role: Role;
      organisation_id: string;
      organisation_name: string;
    }[] = await this.db.query(
      `SELECT p.id, p.full_name, p.email, p.password_hash IS NULL AS pending,
              ra.role, ra.organisation_id, o.name AS organisation_name
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
      };
      person.roles.push({
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
      });
      people.set(row.id, person);
    }
    return [...people.values()];
  }

  async organisations(user: AuthUser): Promise<OrganisationView[]> {
    const rows: { id: string; name: string; kind: 'alliance' | 'pcn'; parent_id: string | null }[] =
      await this.db.query(
        `SELECT id, name, kind, parent_id FROM organisation
          WHERE alliance_id = ANY($1::uuid[]) AND kind IN ('alliance', 'pcn')
          ORDER BY kind, name`,
        [this.alliancesOf(user)],
      );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id }));
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
    const existing = await this.db.getRepository(Person).findOneBy({ email });
    if (existing) return this.addRole(user, existing, dto.role, organisation, baseUrl);
    try {
      return await this.db.transaction(async (manager) => {
        const inserted = await manager.insert(Person, { email, fullName, passwordHash: null });
        const personId = String(inserted.identifiers[0]!['id']);
        await manager.insert(RoleAssignment, { personId, role: dto.role, organisationId: organisation.id });
        const person = { id: personId, email, fullName };
        const expiresAt = await this.sendLink(manager, user, person, baseUrl, organisation.name);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'person.invited',
          entityType: 'person',
          entityId: personId,
          detail: { role: dto.role, organisationId: organisation.id },
        });
        return { person, expiresAt: expiresAt.toISOString() };
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new ConflictException(DUPLICATE_EMAIL);
      throw error;
    }
  }

  /**
   * Someone who already has an account (in another Alliance, say: a supervisor who moves) is given the role here
   * too, and chooses which Alliance they act in. 409 if they already hold a role in this Alliance. Their password
   * stays theirs; a link is sent only if they never set one.
   */
  private async addRole(
    user: AuthUser,
    existing: Person,
    role: Role,
    organisation: Organisation,
    baseUrl: string,
  ): Promise<InvitationIssued> {
    const here: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
        WHERE ra.person_id = $1 AND o.alliance_id = $2`,
      [existing.id, user.allianceId],
    );
    if ((here[0]?.n ?? 0) > 0) throw new ConflictException(DUPLICATE_EMAIL);
    const withHash = await this.db
      .getRepository(Person)
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.id = :id', { id: existing.id })
      .getOneOrFail();
    return this.db.transaction(async (manager) => {
      await manager.insert(RoleAssignment, { personId: existing.id, role, organisationId: organisation.id });
      const person = { id: existing.id, email: existing.email, fullName: existing.fullName };
      let expiresAt: Date | null = null;
      if (withHash.passwordHash === null)
        expiresAt = await this.sendLink(manager, user, person, baseUrl, organisation.name);
      else
        await manager.insert(OutboxMessage, {
          toPersonId: person.id,
          toEmail: person.email,
          subject: 'You have a new role in the CCC supervision and training programme',
          body:
            `${person.fullName}, ${user.fullName} has given you a role in ${organisation.name}.\n\n` +
            `Sign in with your usual password and choose ${organisation.name} to act in it.\n${baseUrl}/\n`,
        });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'person.role_added',
        entityType: 'person',
        entityId: person.id,
        detail: { role, organisationId: organisation.id },
      });
      return { person, expiresAt: expiresAt?.toISOString() ?? null };
    });
  }

  /** A fresh link for someone invited who has not set a password yet (the earlier link stops working). */
  async reinvite(user: AuthUser, personId: string, baseUrl: string): Promise<InvitationIssued> {
    const people = await this.list(user);
    const person = people.find((p) => p.id === personId);
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
  ): Promise<Date> {
    const { token, expiresAt } = await issueActionLink(manager, {
      purpose: 'set_password',
      targetId: person.id,
      personId: person.id,
      lifetimeDays: INVITATION_LIFETIME_DAYS,
    });
    await manager.insert(OutboxMessage, {
      toPersonId: person.id,
      toEmail: person.email,
      subject: 'Your invitation to the CCC supervision and training programme',
      body:
        `${person.fullName}, ${user.fullName} has invited you to the CCC programme service${where ? ` (${where})` : ''}.\n\n` +
        `Choose your password here (the link works once, until ${londonTime(expiresAt)}):\n${baseUrl}/set-password/${token}\n`,
    });
    return expiresAt;
  }

  async show(token: string): Promise<InvitationView> {
    const link = await findLiveLink(this.db.manager, token, ['set_password']);
    return { fullName: link.person!.fullName, email: link.person!.email, expiresAt: link.expiresAt.toISOString() };
  }

  /** Sets the password once: the link is claimed, the password stored and any session ended, all together. */
  async setPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (manager) => {
      const link = await findLiveLink(manager, token, ['set_password']);
      const claimed = await manager.update(ActionLink, { id: link.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!claimed.affected) throw new GoneException('This link has already been used');
      const updated = await manager.update(Person, { id: link.personId }, { passwordHash });
      if (!updated.affected) throw new BadRequestException('This link is not valid');
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
