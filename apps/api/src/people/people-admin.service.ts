import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonListItem, Role } from '@ccc/contracts';
import { PROGRAMME_TIME_ZONE } from '@ccc/programme';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DataSource, type EntityManager } from 'typeorm';
import { type CommandContext, Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, Invalid, NotFound } from '../common/domain-errors';
import { findLiveLink, issueActionLink } from '../links/action-links';
import { OutboxMessage } from '../links/outbox-message.entity';
import { renderMail } from '../notifications/mail-templates';
import type { EndRoleDto, PersonVersionDto, UpdatePersonDto } from './dto/person-admin.dto';
import { Clock } from '../common/clock';
import { oneRow } from '../common/one-row';

const NO_ALLIANCE = '00000000-0000-0000-0000-000000000000';
export const EMAIL_CONFIRMATION_DAYS = 7;
const londonTime = (instant: Date) => format(new TZDate(instant, PROGRAMME_TIME_ZONE), "d MMMM yyyy 'at' HH:mm");

interface LockedPerson {
  id: string;
  email: string;
  full_name: string;
  pending_email: string | null;
  deactivated_at: Date | null;
  version: number;
  elsewhere: boolean;
}

/**
 * An administrator's corrections to the people of their Alliance (#16, item 2): ending a role, deactivating an
 * account (every session ended at once, the history kept), changing a name, and changing an e-mail address (held
 * until its owner confirms it from a link sent to the new address). Every change is audited with before and after.
 */
@Injectable()
export class PeopleAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** A person holding a role in the caller's Alliance, locked; anyone else is unknown here (404). */
  private async lock(manager: EntityManager, user: AuthUser, id: string): Promise<LockedPerson> {
    const [row] = (await manager.query(
      `SELECT p.id, p.email, p.full_name, p.pending_email, p.deactivated_at, p.version,
              EXISTS (SELECT 1 FROM role_assignment x JOIN organisation xo ON xo.id = x.organisation_id
                       WHERE x.person_id = p.id AND xo.alliance_id IS DISTINCT FROM $2) AS elsewhere
         FROM person p
        WHERE p.id = $1
          AND EXISTS (SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                       WHERE ra.person_id = p.id AND o.alliance_id = $2)
        FOR UPDATE OF p`,
      [id, user.allianceId ?? NO_ALLIANCE],
    )) as LockedPerson[];
    if (!row) throw new NotFound('There is no such person');
    return row;
  }

  /** A command's first steps on a person: locked in the caller's Alliance and, when given, at the version read. */
  private person(user: AuthUser, id: string, version?: number) {
    return {
      load: ({ manager }: CommandContext) => this.lock(manager, user, id),
      ...(version === undefined ? {} : { version: { read: version, of: (p: LockedPerson) => p, what: 'person' } }),
    };
  }

  /** The person as the people list shows them, with their roles in the caller's Alliance. */
  async describe(user: AuthUser, id: string): Promise<PersonListItem> {
    const rows: {
      id: string;
      full_name: string;
      email: string;
      pending: boolean;
      pending_email: string | null;
      deactivated_at: Date | null;
      version: number;
      role: Role | null;
      organisation_id: string | null;
      organisation_name: string | null;
    }[] = await this.db.query(
      `SELECT p.id, p.full_name, p.email, p.password_hash IS NULL AS pending, p.pending_email, p.deactivated_at,
              p.version, ra.role, ra.organisation_id, o.name AS organisation_name
         FROM person p
         LEFT JOIN role_assignment ra ON ra.person_id = p.id
              AND ra.organisation_id IN (SELECT id FROM organisation WHERE alliance_id = $2)
         LEFT JOIN organisation o ON o.id = ra.organisation_id
        WHERE p.id = $1
        ORDER BY ra.role`,
      [id, user.allianceId ?? NO_ALLIANCE],
    );
    const first = rows[0]!;
    return {
      id: first.id,
      fullName: first.full_name,
      email: first.email,
      invitationPending: first.pending,
      pendingEmail: first.pending_email,
      deactivatedAt: first.deactivated_at?.toISOString() ?? null,
      version: first.version,
      roles: rows
        .filter((r) => r.role !== null)
        .map((r) => ({
          role: r.role!,
          organisationId: r.organisation_id!,
          organisationName: r.organisation_name ?? '',
        })),
    };
  }

  /**
   * Ends one role of the person in the caller's Alliance. Refused (409) while the role is in use — CCCs still
   * supervised, a programme still followed, the Alliance's last administrator, or the caller's own administration —
   * so that nothing is left without someone responsible.
   */
  async endRole(user: AuthUser, id: string, dto: EndRoleDto): Promise<PersonListItem> {
    await this.commands.run({
      ...this.person(user, id),
      apply: async ({ manager }, person) => {
        const [held] = (await manager.query(
          `SELECT ra.id, o.name FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
          WHERE ra.person_id = $1 AND ra.role = $2 AND ra.organisation_id = $3 AND o.alliance_id = $4`,
          [id, dto.role, dto.organisationId, user.allianceId],
        )) as { id: string; name: string }[];
        if (!held) throw new Invalid({ field: 'role', reason: 'this person does not hold this role there' });
        await this.refuseWhileInUse(manager, user, person, dto);
        await manager.query('DELETE FROM role_assignment WHERE id = $1', [held.id]);
      },
      audit: () => ({
        actorId: user.id,
        action: 'person.role_ended',
        entityType: 'person',
        entityId: id,
        detail: { before: { role: dto.role, organisationId: dto.organisationId }, after: null },
      }),
    });
    return this.describe(user, id);
  }

  private async refuseWhileInUse(manager: EntityManager, user: AuthUser, person: LockedPerson, dto: EndRoleDto) {
    const count = async (sql: string, params: unknown[]) =>
      oneRow((await manager.query(sql, params)) as { n: number }[]).n;
    const active = `FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE e.status = 'active' AND c.alliance_id = $2`;
    let inUse = 0;
    let what = '';
    if (dto.role === 'admin') {
      if (person.id === user.id) throw new Conflict('You cannot end your own administrator role');
      const others = await count(
        `SELECT count(*)::int AS n FROM role_assignment WHERE role = 'admin' AND organisation_id = $1 AND person_id <> $2`,
        [dto.organisationId, person.id],
      );
      if (others === 0) throw new Conflict('This is the Alliance’s last administrator');
      return;
    }
    if (dto.role === 'ccc') {
      inUse = await count(`SELECT count(*)::int AS n ${active} AND e.ccc_id = $1`, [person.id, user.allianceId]);
      what = 'an enrolment still active: withdraw it, or wait until it completes';
    } else if (dto.role === 'pcn_supervisor') {
      inUse = await count(`SELECT count(*)::int AS n ${active} AND e.pcn_supervisor_id = $1 AND e.pcn_id = $3`, [
        person.id,
        user.allianceId,
        dto.organisationId,
      ]);
      what = 'CCC(s) still supervised: move them to another PCN supervisor first';
    } else {
      inUse =
        (await count(`SELECT count(*)::int AS n ${active} AND e.alliance_supervisor_id = $1`, [
          person.id,
          user.allianceId,
        ])) +
        (await count(
          `SELECT count(*)::int AS n FROM cohort_supervisor cs JOIN cohort c ON c.id = cs.cohort_id
            WHERE cs.person_id = $1 AND c.alliance_id = $2 AND c.closed_at IS NULL`,
          [person.id, user.allianceId],
        ));
      what = 'CCC(s) or open cohort(s) still supervised: move them to another Alliance supervisor first';
    }
    if (inUse > 0) throw new Conflict(`This role is still in use: ${inUse} ${what}`);
  }

  /**
   * Deactivates the account: no sign-in from now, every session (and so every access token) ended at once, its
   * calendar feeds and unused links revoked. Its roles and everything it did stay, for the history. Refused for
   * oneself, and for someone who also holds roles in another Alliance (end their roles here instead).
   */
  async deactivate(user: AuthUser, id: string, dto: PersonVersionDto): Promise<PersonListItem> {
    await this.commands.run({
      ...this.person(user, id, dto.version),
      apply: async ({ manager }, person) => {
        if (person.id === user.id) throw new Conflict('You cannot deactivate your own account');
        if (person.deactivated_at) throw new Conflict('This account is already deactivated');
        if (person.elsewhere)
          throw new Conflict(
            'This person also holds roles in another Alliance; end their roles here instead of deactivating the account',
          );
        const at = this.clock.now();
        await manager.query(
          `UPDATE person SET deactivated_at = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, at],
        );
        const sessions = (await manager.query(
          `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'deactivated'
          WHERE person_id = $1 AND revoked_at IS NULL RETURNING id`,
          [id],
        )) as [unknown[], number];
        await manager.query(`UPDATE calendar_feed SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`, [
          id,
        ]);
        await manager.query(
          `UPDATE action_link SET revoked_at = now() WHERE person_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
          [id],
        );
        return { at, sessionsEnded: sessions[1] };
      },
      audit: (_, { at, sessionsEnded }) => ({
        actorId: user.id,
        action: 'person.deactivated',
        entityType: 'person',
        entityId: id,
        detail: { before: { deactivatedAt: null }, after: { deactivatedAt: at.toISOString() }, sessionsEnded },
      }),
    });
    return this.describe(user, id);
  }

  /**
   * A new name at once; a new e-mail address held as pending until its owner follows the link sent to it (the
   * old address is told). An address someone else signs in with is a 409.
   */
  async update(user: AuthUser, id: string, dto: UpdatePersonDto, baseUrl: string): Promise<PersonListItem> {
    await this.commands.run({
      ...this.person(user, id, dto.version),
      apply: async ({ manager }, person) => {
        if (person.deactivated_at) throw new Conflict('This account is deactivated');
        const fullName = dto.fullName?.trim() ?? person.full_name;
        const email = dto.email?.trim().toLowerCase();
        const emailChanges = email !== undefined && email !== person.email;
        if (fullName === person.full_name && !emailChanges)
          throw new Invalid({ field: 'fullName', reason: 'nothing to change: give a new fullName or email' });
        if (emailChanges) {
          const [taken] = (await manager.query('SELECT 1 FROM person WHERE email = $1', [email])) as unknown[];
          if (taken) throw new Conflict('Someone else signs in with this e-mail address');
        }
        await manager.query(
          `UPDATE person SET full_name = $2, pending_email = $3, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, fullName, emailChanges ? email : person.pending_email],
        );
        if (emailChanges) {
          const { token, expiresAt } = await issueActionLink(manager, {
            purpose: 'confirm_email',
            targetId: id,
            now: this.clock.now(),
            personId: id,
            lifetimeDays: EMAIL_CONFIRMATION_DAYS,
          });
          const confirm = renderMail('emailConfirm', {
            name: fullName,
            changer: user.fullName,
            expires: londonTime(expiresAt),
            url: `${baseUrl}/confirm-email/${token}`,
          });
          const notice = renderMail('emailChanging', { name: fullName, changer: user.fullName });
          await manager.insert(OutboxMessage, [
            { toPersonId: id, toEmail: email!, subject: confirm.subject, body: confirm.text, html: confirm.html },
            { toPersonId: id, toEmail: person.email, subject: notice.subject, body: notice.text, html: notice.html },
          ]);
        }
        return { fullName, pendingEmail: emailChanges ? email : person.pending_email };
      },
      audit: (person, after) => ({
        actorId: user.id,
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        detail: { before: { fullName: person.full_name, pendingEmail: person.pending_email }, after },
      }),
    });
    return this.describe(user, id);
  }

  /** Open: the link is the credential. The pending address becomes the one the person signs in with. */
  async confirmEmail(token: string): Promise<void> {
    await this.commands.run({
      // The link is the credential: it is the scoped load.
      load: ({ manager }) => findLiveLink(manager, token, ['confirm_email'], this.clock.now()),
      apply: async ({ manager }, link) => {
        const [person] = (await manager.query(
          'SELECT email, pending_email, deactivated_at FROM person WHERE id = $1 FOR UPDATE',
          [link.targetId],
        )) as { email: string; pending_email: string | null; deactivated_at: Date | null }[];
        if (!person?.pending_email || person.deactivated_at)
          throw new Conflict('There is no e-mail change waiting for this account');
        const [taken] = (await manager.query('SELECT 1 FROM person WHERE email = $1', [
          person.pending_email,
        ])) as unknown[];
        if (taken) throw new Conflict('Someone else signs in with this e-mail address now');
        await manager.query(
          `UPDATE person SET email = pending_email, pending_email = NULL, version = version + 1, updated_at = now()
          WHERE id = $1`,
          [link.targetId],
        );
        await manager.query('UPDATE action_link SET used_at = now() WHERE id = $1', [link.id]);
        return person;
      },
      audit: (link, person) => ({
        actorId: link.targetId,
        action: 'person.email_changed',
        entityType: 'person',
        entityId: link.targetId,
        detail: { before: { email: person.email }, after: { email: person.pending_email }, viaLink: true },
      }),
    });
  }
}
