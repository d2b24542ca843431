import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { RequiredText } from '../../common/validators';

export class WithdrawEnrolmentDto {
  @ApiProperty({ description: 'Why the CCC leaves the programme; shown with the enrolment' })
  @RequiredText({ ...TEXT_RULES.enrolmentChangeReason, message: 'reason must say why the enrolment is withdrawn' })
  reason!: string;

  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}
