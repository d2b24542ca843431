import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { AmendmentsService } from './amendments.service';
import { HandoverService } from './handover.service';
import { MonthSixController } from './month-six.controller';
import { OutcomesService } from './outcomes.service';
import { SurveyService } from './survey.service';

/** Month six and after: the handover interview, the evaluation survey, the outcomes log, amendments. */
@Module({
  imports: [EnrolmentsModule],
  controllers: [MonthSixController],
  providers: [HandoverService, SurveyService, OutcomesService, AmendmentsService],
})
export class MonthSixModule {}
