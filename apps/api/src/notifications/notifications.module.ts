import { Module } from '@nestjs/common';
import { JobsRunner } from './jobs.runner';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Reminders: the in-app list and preferences over HTTP, and the worker that finds reminders and sends e-mail. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, JobsRunner],
})
export class NotificationsModule {}
