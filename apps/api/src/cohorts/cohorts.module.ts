import { Module } from '@nestjs/common';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';

@Module({ controllers: [CohortsController], providers: [CohortsService] })
export class CohortsModule {}
