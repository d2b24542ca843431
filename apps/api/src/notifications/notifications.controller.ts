import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferencesResponse, NotificationsResponse, NotificationView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's reminders, newest first (the latest 50), and how many are unread. */
  @RequirePermission('notifications:read')
  @Get('notifications')
  list(@CurrentUser() user: AuthUser): Promise<NotificationsResponse> {
    return this.notifications.list(user);
  }

  /** Marks one of the caller's own reminders read; another person's is answered 404. */
  @RequirePermission('notifications:manage')
  @Post('notifications/:id/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<NotificationView> {
    return this.notifications.markRead(user, id);
  }

  /** The kinds of reminder the caller's roles can get, each on or off. */
  @RequirePermission('notifications:read')
  @Get('notification-preferences')
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesResponse> {
    return this.notifications.preferences(user);
  }

  @RequirePermission('notifications:manage')
  @Put('notification-preferences')
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.notifications.updatePreferences(user, body);
  }
}
