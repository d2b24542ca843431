import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarController } from './calendar.controller';

@Module({
  imports: [SessionsModule, ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 30 }])],
  controllers: [CalendarController],
})
export class CalendarModule {}
