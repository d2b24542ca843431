import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ReleaseController } from './release.controller';
import { ReleaseSync } from './release-sync';
import { ReleaseService } from './release.service';

@Module({
  imports: [EnrolmentsModule],
  controllers: [ReleaseController],
  providers: [ReleaseService, ReleaseSync],
  exports: [ReleaseService],
})
export class ReleaseTimeModule {}
