import { Module } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { AgendaService } from './agenda.service';
import { DiaryService } from './diary.service';
import { SchedulingService } from './scheduling.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SchedulingService, DiaryService, AgendaService, CalendarService],
  exports: [SessionsService, SchedulingService, DiaryService, CalendarService],
})
export class SessionsModule {}
