import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationPreferencesResponse, NotificationsResponse, NotificationView } from '@ccc/contracts';
import { REMINDER_KIND_LABELS, REMINDER_KINDS, type ReminderKind, reminderKindsFor } from '@ccc/programme';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, NotFound } from '../common/domain-errors';
import type { UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { Clock } from '../common/clock';
import { oneRow } from '../common/one-row';

/** How many of the newest items the in-app list shows. */
export const NOTIFICATION_LIST_LIMIT = 50;

const toView = (n: Notification): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** A person's own reminders and their choice of which to get. Nobody, administrators included, reads another's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser): Promise<NotificationsResponse> {
    const repo = this.db.getRepository(Notification);
    const [items, unreadCount] = await Promise.all([
      this.access
        .scopeNotifications(repo.createQueryBuilder('n'), 'n', user)
        .orderBy('n.created_at', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .take(NOTIFICATION_LIST_LIMIT)
        .getMany(),
      this.access.scopeNotifications(repo.createQueryBuilder('n'), 'n', user).andWhere('n.read_at IS NULL').getCount(),
    ]);
    return { items: items.map(toView), unreadCount };
  }

  /** Marks one of the caller's own items read (again is fine: the first time stays); anyone else's is a 404. */
  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const repo = this.db.getRepository(Notification);
    const found = await this.access
      .scopeNotifications(repo.createQueryBuilder('n'), 'n', user)
      .andWhere('n.id = :id', { id })
      .getOne();
    if (!found) throw new NotFound('Notification not found');
    if (!found.readAt) {
      await repo.update({ id, readAt: IsNull() }, { readAt: this.clock.now() });
      return toView(await repo.findOneByOrFail({ id }));
    }
    return toView(found);
  }

  async preferences(user: AuthUser): Promise<NotificationPreferencesResponse> {
    const row = await this.db.getRepository(NotificationPreference).findOneBy({ personId: user.id });
    return this.describe(user, row?.disabledKinds ?? [], row?.version ?? 0);
  }

  private describe(user: AuthUser, disabled: readonly string[], version: number): NotificationPreferencesResponse {
    return {
      preferences: reminderKindsFor(user.roles).map((kind) => ({
        kind,
        ...REMINDER_KIND_LABELS[kind],
        enabled: !disabled.includes(kind),
      })),
      version,
    };
  }

  /**
   * Saves the caller's choices against the version they read (0 before the first save): a stale version is a 409,
   * so two open tabs cannot silently undo each other. Audited, as every change people make is.
   */
  async updatePreferences(
    user: AuthUser,
    dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    // The caller's own choices, not a shared record: the answer says "elsewhere" (another tab), as the SPA expects.
    const stale = () =>
      new Conflict('Your reminder choices were changed elsewhere since you read them; reload them and try again');
    return this.commands
      .run({
        load: ({ manager }) =>
          manager.findOne(NotificationPreference, {
            where: { personId: user.id },
            lock: { mode: 'pessimistic_write' },
          }),
        apply: async ({ manager }, current) => {
          if ((current?.version ?? 0) !== dto.version) throw stale();
          const before = current?.disabledKinds ?? [];
          // Declared but unset DTO fields are own properties holding undefined: only the kinds given change.
          const given = new Map(
            Object.entries(dto.enabled).filter(
              (entry): entry is [ReminderKind, boolean] => typeof entry[1] === 'boolean',
            ),
          );
          const disabledKinds = REMINDER_KINDS.filter((kind) =>
            given.has(kind) ? !given.get(kind) : before.includes(kind),
          );
          let version: number;
          if (!current) {
            const inserted: { version: number }[] = await manager.query(
              `INSERT INTO notification_preference (person_id, disabled_kinds) VALUES ($1, $2)
           ON CONFLICT (person_id) DO NOTHING RETURNING version`,
              [user.id, disabledKinds],
            );
            if (inserted.length === 0) throw stale();
            version = oneRow(inserted).version;
          } else {
            // TypeORM answers an UPDATE with [rows, count].
            const [updated] = (await manager.query(
              `UPDATE notification_preference SET disabled_kinds = $2, version = version + 1, updated_at = now()
            WHERE person_id = $1 AND version = $3 RETURNING version`,
              [user.id, disabledKinds, dto.version],
            )) as [{ version: number }[], number];
            if (updated.length === 0) throw stale();
            version = oneRow(updated).version;
          }
          return { before, disabledKinds, version };
        },
        audit: (_, { before, disabledKinds }) => ({
          actorId: user.id,
          action: 'notification-preferences.updated',
          entityType: 'person',
          entityId: user.id,
          detail: { before: { disabledKinds: before }, after: { disabledKinds } },
        }),
      })
      .then(({ disabledKinds, version }) => this.describe(user, disabledKinds, version));
  }
}
