import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { EnrolmentChangesController } from './enrolment-changes.controller';
import { EnrolmentChangesService } from './enrolment-changes.service';
import { EnrolmentHistoryService } from './enrolment-history.service';
import { EnrolmentPausesService } from './enrolment-pauses.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentCommands } from './enrolment-commands.service';
import { EnrolmentsService } from './enrolments.service';

@Module({
  imports: [SessionsModule],
  controllers: [EnrolmentsController, EnrolmentChangesController],
  providers: [
    EnrolmentsService,
    EnrolmentCommands,
    EnrolmentChangesService,
    EnrolmentPausesService,
    EnrolmentHistoryService,
  ],
  exports: [EnrolmentsService, EnrolmentCommands],
})
export class EnrolmentsModule {}
