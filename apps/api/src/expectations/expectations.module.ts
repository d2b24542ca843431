import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ExpectationsController } from './expectations.controller';
import { ExpectationsService } from './expectations.service';

@Module({
  imports: [EnrolmentsModule],
  controllers: [ExpectationsController],
  providers: [ExpectationsService],
  exports: [ExpectationsService],
})
export class ExpectationsModule {}
