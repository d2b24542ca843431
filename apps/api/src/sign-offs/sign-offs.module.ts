import { Module } from '@nestjs/common';
import { SignOffsController } from './sign-offs.controller';
import { SignOffsService } from './sign-offs.service';

@Module({
  controllers: [SignOffsController],
  providers: [SignOffsService],
})
export class SignOffsModule {}
