import { Module } from '@nestjs/common';
import { ExpectationsModule } from '../expectations/expectations.module';
import { NationalController } from './national.controller';
import { NationalService } from './national.service';

@Module({ imports: [ExpectationsModule], controllers: [NationalController], providers: [NationalService] })
export class NationalModule {}
