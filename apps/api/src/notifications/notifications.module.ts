import { Module } from '@nestjs/common';
import { JobsRunner } from './jobs.runner';
import { NotificationEvents } from './notification-events';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Reminders: the in-app list and preferences over HTTP, the worker that finds reminders and sends e-mail, and the
 * notices other features' events give (NotificationEvents).
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, JobsRunner, NotificationEvents],
})
export class NotificationsModule {}
