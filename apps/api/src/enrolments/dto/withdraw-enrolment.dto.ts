import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { MultiLine } from '../../common/validators';

export class WithdrawEnrolmentDto {
  @ApiProperty({ description: 'Why the CCC leaves the programme; shown with the enrolment' })
  @IsString()
  @MinLength(1, { message: 'reason must say why the enrolment is withdrawn' })
  @MaxLength(2000)
  @MultiLine()
  reason!: string;

  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}
