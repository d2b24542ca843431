import { Module } from '@nestjs/common';
import { ExpectationsModule } from '../expectations/expectations.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [ExpectationsModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
