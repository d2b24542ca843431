import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { EnrolmentChangesController } from './enrolment-changes.controller';
import { EnrolmentChangesService } from './enrolment-changes.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({
  imports: [SessionsModule],
  controllers: [EnrolmentsController, EnrolmentChangesController],
  providers: [EnrolmentsService, EnrolmentChangesService],
  exports: [EnrolmentsService],
})
export class EnrolmentsModule {}
