import { Module } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { AgendaService } from './agenda.service';
import { DiaryService } from './diary.service';
import { SchedulingService } from './scheduling.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { WorkforceController } from './workforce.controller';
import { WorkforceService } from './workforce.service';

@Module({
  controllers: [SessionsController, WorkforceController],
  providers: [SessionsService, SchedulingService, DiaryService, AgendaService, CalendarService, WorkforceService],
  exports: [SessionsService, SchedulingService, DiaryService, CalendarService],
})
export class SessionsModule {}
