import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ReleaseController } from './release.controller';
import { ReleaseService } from './release.service';

@Module({
  imports: [EnrolmentsModule],
  controllers: [ReleaseController],
  providers: [ReleaseService],
  exports: [ReleaseService],
})
export class ReleaseTimeModule {}
