import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { PeopleModule } from '../people/people.module';
import { ReleaseTimeModule } from '../release-time/release-time.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({
  imports: [EnrolmentsModule, PeopleModule, ReleaseTimeModule, SessionsModule],
  controllers: [LinksController],
  providers: [LinksService],
})
export class LinksModule {}
