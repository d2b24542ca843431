import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { CompetenciesController } from './competencies.controller';
import { CompetencyContextService } from './competency-context.service';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';
import { CompetencyStepper } from './competency-step';
import { EvidenceService } from './evidence.service';
import { ProgressService } from './progress.service';
import { CompetencyReadsService } from './competency-reads.service';
import { RecordService } from './record.service';
import { TnaController } from './tna.controller';
import { TnaService } from './tna.service';
import { TrainingPlanService } from './training-plan.service';
import { TrainingHooks } from './training-hooks';

@Module({
  imports: [EnrolmentsModule],
  controllers: [FrameworksController, CompetenciesController, TnaController],
  providers: [
    CompetencyContextService,
    FrameworksService,
    CompetencyStepper,
    ProgressService,
    EvidenceService,
    CompetencyReadsService,
    TnaService,
    TrainingPlanService,
    RecordService,
    TrainingHooks,
  ],
})
export class CompetenciesModule {}
