import { Module } from '@nestjs/common';
import { CohortsController } from './cohorts.controller';
import { CohortReadsService } from './cohort-reads.service';
import { CohortsService } from './cohorts.service';

@Module({ controllers: [CohortsController], providers: [CohortsService, CohortReadsService] })
export class CohortsModule {}
