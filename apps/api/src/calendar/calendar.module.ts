import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarController } from './calendar.controller';

@Module({
  imports: [SessionsModule],
  controllers: [CalendarController],
})
export class CalendarModule {}
