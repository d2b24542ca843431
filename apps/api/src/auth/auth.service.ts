import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { LoginResponse } from '@ccc/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { API_CONFIG, type ApiConfig } from '../config';
import { Person } from '../people/person.entity';
import { PeopleService } from '../people/people.service';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { Clock } from '../common/clock';
import { Commands } from '../common/command';
import { Forbidden, Invalid, Unauthorized } from '../common/domain-errors';

// Verified when the email is unknown so that a wrong email and a wrong password take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$IFUKw/MDYvUQL6m2eeJTvg$RplJAirh4qyRFe/ZjkOlPCCV3mKtl37g51/Qh+Ds7EI';
const SIGNED_OUT = 'Your session has ended; sign in again';
/** The `reason` of a password sign-in refused because the person must use single sign-on (the SPA reads it). */
export const SSO_REQUIRED = 'sso_required';

/** What a sign-in or a refresh hands back: the JSON body, plus the refresh token the controller puts in a cookie. */
export interface IssuedTokens {
  body: LoginResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly people: PeopleService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly clock: Clock,
    private readonly commands: Commands,
  ) {}

  async login(email: string, password: string): Promise<IssuedTokens> {
    const person = await this.people.findWithPasswordHash(email);
    const hash = person?.passwordHash ?? DUMMY_HASH;
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!person || !person.passwordHash || !ok || person.deactivatedAt) {
      await this.audit.signInFailed(email, person?.id ?? null);
      throw new Unauthorized('Email or password is incorrect');
    }
    // Told only after the right password, so it reveals nothing to someone guessing.
    const label = await this.ssoRequiredBy(person.id);
    if (label) {
      await this.audit.record(this.db.manager, {
        actorId: person.id,
        action: 'auth.sign_in_refused',
        entityType: 'person',
        entityId: person.id,
        detail: { reason: 'sso_required' },
      });
      throw new Unauthorized(
        `Your Alliance asks you to sign in with your NHS account: choose "${label}" instead of a password`,
        { reason: SSO_REQUIRED },
      );
    }
    return this.openSession(person.id);
  }

  /**
   * The button a person must use instead of a password, if any: their Alliance requires single sign-on of everyone,
   * or its administrator required it of them (and the Alliance's provider is enabled).
   */
  private async ssoRequiredBy(personId: string): Promise<string | null> {
    const [row] = (await this.db.query(
      `SELECT p.label FROM sso_provider p
        WHERE p.enabled AND (
          (p.sso_required AND EXISTS (SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                                       WHERE ra.person_id = $1 AND o.alliance_id = p.alliance_id))
          OR EXISTS (SELECT 1 FROM sso_required_person r WHERE r.alliance_id = p.alliance_id AND r.person_id = $1))
        ORDER BY p.slug LIMIT 1`,
      [personId],
    )) as { label: string }[];
    return row?.label ?? null;
  }

  /**
   * Opens a session for a person whose identity is already established, audited as a sign-in: by `login` after the
   * password, by single sign-on (oidc/oidc.service.ts) after the provider's ID token; the API tests call it too, so
   * that they do not pay an argon2 verification per person.
   */
  async openSession(personId: string, sso?: { allianceId: string; idToken: string | null }): Promise<IssuedTokens> {
    const { tokens } = await this.commands.run({
      load: async () => null,
      apply: async ({ manager }) => {
        const session = await manager.save(
          manager.create(AuthSession, {
            personId,
            // Signed in through an Alliance's provider: acting in that Alliance.
            ...(sso ? { allianceId: sso.allianceId, ssoAllianceId: sso.allianceId, ssoIdToken: sso.idToken } : {}),
          }),
        );
        return { sessionId: session.id, tokens: await this.issue(manager, personId, session.id) };
      },
      audit: (_none, { sessionId }) => ({
        actorId: personId,
        action: 'auth.signed_in',
        entityType: 'auth_session',
        entityId: sessionId,
        ...(sso ? { detail: { method: 'oidc', allianceId: sso.allianceId } } : {}),
      }),
    });
    return tokens;
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). A token already exchanged is being replayed — by a thief
   * or by the person after a thief — so the whole session is revoked, and both must sign in again.
   */
  async refresh(presented: string | undefined): Promise<IssuedTokens> {
    if (!presented) throw new Unauthorized(SIGNED_OUT);
    // A replay's revocation (audited by revokeSessions) commits before the 401 it answers with.
    const outcome = await this.commands.run({
      // Locked so that two refreshes with one token are decided one after the other.
      load: ({ manager }) =>
        manager
          .getRepository(RefreshToken)
          .createQueryBuilder('token')
          .innerJoinAndSelect('token.session', 'session')
          .where('token.tokenHash = :hash', { hash: sha256(presented) })
          .setLock('pessimistic_write')
          .getOne(),
      apply: async ({ manager }, token) => {
        if (!token?.session || token.session.revokedAt) return null;
        if (token.replacedAt) {
          await this.revokeSessions(manager, token.session.personId, 'refresh_token_reused', token.sessionId);
          return 'reused' as const;
        }
        if (token.expiresAt.getTime() <= this.clock.now().getTime()) return null;
        await manager.update(RefreshToken, { id: token.id }, { replacedAt: () => 'now()' });
        return this.issue(manager, token.session.personId, token.sessionId);
      },
    });
    if (!outcome || outcome === 'reused') throw new Unauthorized(SIGNED_OUT);
    return outcome;
  }

  /**
   * Ends the session the refresh token belongs to, and the one a valid access token names (so signing out with
   * only the access token ends its session too); quietly does nothing for an unknown or missing token.
   */
  async logout(
    presented: string | undefined,
    access?: { personId: string; sessionId: string },
  ): Promise<{ sessionId: string | null }> {
    if (!presented && !access) return { sessionId: null };
    return this.commands.run({
      load: ({ manager }) =>
        presented
          ? manager.findOne(RefreshToken, { where: { tokenHash: sha256(presented) }, relations: { session: true } })
          : Promise.resolve(null),
      // Each ended session is audited as it ends (revokeSessions), as when a password change or a replay ends it.
      apply: async ({ manager }, token) => {
        if (token?.session && !token.session.revokedAt)
          await this.revokeSessions(manager, token.session.personId, 'signed_out', token.sessionId);
        if (access && access.sessionId !== token?.sessionId)
          await this.revokeSessions(manager, access.personId, 'signed_out', access.sessionId);
        // The session ended, so that a single sign-on's provider session can be ended too.
        return { sessionId: token?.session?.personId ? token.sessionId : (access?.sessionId ?? null) };
      },
    });
  }

  /** A new password ends every session of the person, including the one that changed it. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const personId = user.id;
    const person = await this.people.findWithPasswordHash(user.email);
    const ok = person?.passwordHash
      ? await argon2.verify(person.passwordHash, currentPassword).catch(() => false)
      : false;
    if (!person || !ok)
      throw new Invalid({ field: 'currentPassword', reason: 'is not right' }, 'Your current password is not right');
    if (currentPassword === newPassword)
      throw new Invalid(
        { field: 'newPassword', reason: 'must differ from the current password' },
        'Choose a password different from your current one',
      );
    const passwordHash = await hashPassword(newPassword);
    await this.commands.run({
      load: async () => null,
      apply: async ({ manager }) => {
        await manager.update(Person, { id: personId }, { passwordHash });
        await this.revokeSessions(manager, personId, 'password_changed');
      },
      audit: () => ({ actorId: personId, action: 'person.password_changed', entityType: 'person', entityId: personId }),
    });
  }

  /** Sets the Alliance a session acts in, for a person with roles in more than one. */
  async chooseAlliance(user: AuthUser, allianceId: string): Promise<void> {
    if (!user.alliances.includes(allianceId)) throw new Forbidden('You hold no role in that Alliance');
    const sessionId = user.sessionId;
    if (!sessionId) throw new Unauthorized(SIGNED_OUT);
    await this.commands.run({
      load: async () => null,
      apply: async ({ manager }) => {
        await manager.update(AuthSession, { id: sessionId, personId: user.id }, { allianceId });
      },
      audit: () => ({
        actorId: user.id,
        action: 'auth_session.alliance_chosen',
        entityType: 'auth_session',
        entityId: sessionId,
        detail: { allianceId },
      }),
    });
  }

  private async revokeSessions(manager: EntityManager, personId: string, reason: string, sessionId?: string) {
    await manager.update(
      AuthSession,
      { personId, revokedAt: IsNull(), ...(sessionId ? { id: sessionId } : {}) },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
    if (reason === 'signed_out')
      await this.audit.record(manager, {
        actorId: personId,
        action: 'auth.signed_out',
        entityType: 'auth_session',
        entityId: sessionId ?? personId,
      });
    // A replay is a security event worth finding later; password changes are recorded by changePassword.
    if (reason === 'refresh_token_reused')
      await this.audit.record(manager, {
        actorId: null,
        action: 'auth_session.revoked',
        entityType: 'auth_session',
        entityId: sessionId ?? personId,
        detail: { reason, personId },
      });
  }

  private async issue(manager: EntityManager, personId: string, sessionId: string): Promise<IssuedTokens> {
    const me = await this.people.describe(personId, manager, sessionId);
    if (!me) throw new Unauthorized(SIGNED_OUT);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(this.clock.now().getTime() + this.config.refreshExpiresInSeconds * 1000);
    await manager.insert(RefreshToken, { sessionId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt });
    const accessToken = await this.jwt.signAsync(
      { sub: personId, sid: sessionId },
      { expiresIn: this.config.jwtExpiresInSeconds },
    );
    return { body: { accessToken, expiresIn: this.config.jwtExpiresInSeconds, me }, refreshToken, refreshExpiresAt };
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
