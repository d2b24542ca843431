import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationView, RoleOfferView } from '@ccc/contracts';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthSession } from '../auth/auth-session.entity';
import { hashPassword } from '../auth/auth.service';
import { type AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { Gone, Invalid, NotFound } from '../common/domain-errors';
import { ActionLink } from '../links/action-link.entity';
import { findLiveLink } from '../links/action-links';
import { Person } from './person.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RoleOffer } from './role-offer.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';

/**
 * The invitee's side of an invitation: the role offer shown and answered, the set-password link shown and used.
 * Each answer claims its single-use link in the same transaction as the change it makes, and is audited.
 */
@Injectable()
export class InvitationAnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** An offer waiting for the signed-in person, by its link: 404 for anyone else's (or no) link. */
  async offer(user: AuthUser, token: string): Promise<RoleOfferView> {
    const { link, offer } = await this.liveOffer(this.db.manager, user, token);
    return {
      role: offer.role,
      organisationName: loaded(offer, 'organisation').organisation.name,
      allianceId: offer.allianceId,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  private async liveOffer(manager: EntityManager, user: AuthUser, token: string) {
    const link = await findLiveLink(manager, token, ['accept_role'], this.clock.now());
    if (link.personId !== user.id) throw new NotFound('This link is not valid');
    const offer = await manager
      .getRepository(RoleOffer)
      .findOne({ where: { id: link.targetId }, relations: { organisation: true } });
    if (!offer) throw new NotFound('This link is not valid');
    return { link, offer };
  }

  /** The person accepts (or declines) the role, signed in: the link is claimed and the answer audited together. */
  async answerOffer(user: AuthUser, token: string, accept: boolean): Promise<void> {
    await this.commands.run({
      load: ({ manager }) => this.liveOffer(manager, user, token),
      apply: async ({ manager }, { link, offer }) => {
        const claimed = await manager.update(
          ActionLink,
          { id: link.id, usedAt: IsNull() },
          { usedAt: this.clock.now() },
        );
        if (!claimed.affected) throw new Gone('This link has already been used');
        if (accept) await this.acceptIn(manager, offer);
        else await manager.update(RoleOffer, { id: offer.id }, { declinedAt: this.clock.now() });
      },
      // Accepting is audited by acceptIn, as when a password chosen from an invitation accepts the role.
      audit: ({ offer }) =>
        accept
          ? null
          : {
              actorId: user.id,
              action: 'person.role_declined',
              entityType: 'role_offer',
              entityId: offer.id,
              detail: { role: offer.role, organisationId: offer.organisationId },
            },
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
      fullName: offer?.fullName ?? loaded(link, 'person').person.fullName,
      email: loaded(link, 'person').person.email,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /** Sets the password once: the link is claimed, the password stored and any session ended, all together. */
  async setPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.commands.run({
      load: ({ manager }) => findLiveLink(manager, token, ['set_password'], this.clock.now()),
      apply: async ({ manager }, link) => {
        const claimed = await manager.update(
          ActionLink,
          { id: link.id, usedAt: IsNull() },
          { usedAt: this.clock.now() },
        );
        if (!claimed.affected) throw new Gone('This link has already been used');
        const updated = await manager.update(Person, { id: link.personId }, { passwordHash });
        if (!updated.affected) throw new Invalid([], 'This link is not valid');
        // Choosing a password from an invitation accepts the role it offered.
        const offer = await manager.getRepository(RoleOffer).findOneBy({ id: link.targetId, acceptedAt: IsNull() });
        if (offer) await this.acceptIn(manager, offer);
        await manager.update(
          AuthSession,
          { personId: link.personId, revokedAt: IsNull() },
          { revokedAt: () => 'now()', revokedReason: 'password_changed' },
        );
      },
      audit: (link) => ({
        actorId: link.personId,
        action: 'person.password_set',
        entityType: 'person',
        entityId: link.personId,
        detail: { viaLink: true, linkId: link.id },
      }),
    });
  }
}
