import { Module } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { AgendaService } from './agenda.service';
import { DiaryService } from './diary.service';
import { BookingCommands } from './booking.commands';
import { RecordingCommands } from './recording.commands';
import { SchedulingService } from './scheduling.service';
import { SessionLoader } from './session-loader';
import { SessionWriter } from './session-writes';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { WorkforceController } from './workforce.controller';
import { WorkforceService } from './workforce.service';

@Module({
  controllers: [SessionsController, WorkforceController],
  providers: [
    SessionsService,
    SchedulingService,
    SessionLoader,
    SessionWriter,
    BookingCommands,
    RecordingCommands,
    DiaryService,
    AgendaService,
    CalendarService,
    WorkforceService,
  ],
  exports: [SessionsService, SchedulingService, BookingCommands, DiaryService, CalendarService],
})
export class SessionsModule {}
