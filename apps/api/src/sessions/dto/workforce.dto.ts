import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { WIDER_WORKFORCE_ROLES, type WiderWorkforceRole } from '@ccc/programme';
import type { WorkforceAttendance } from '@ccc/contracts';
import { SingleLine } from '../../common/validators';
import { ATTENDANCE_STATES } from '@ccc/contracts';

export class AddWorkforceAttendeeDto {
  @ApiProperty()
  @IsString()
  @MinLength(2, { message: 'fullName must be the person\u2019s name' })
  @MaxLength(200)
  @SingleLine()
  fullName!: string;

  @ApiProperty({ enum: WIDER_WORKFORCE_ROLES })
  @IsIn([...WIDER_WORKFORCE_ROLES], { message: `role must be one of ${WIDER_WORKFORCE_ROLES.join(', ')}` })
  role!: WiderWorkforceRole;

  @ApiProperty({ description: 'Where they work (a practice, a hospice, a charity…)' })
  @IsString()
  @MinLength(2, { message: 'organisation must name where they work' })
  @MaxLength(200)
  @SingleLine()
  organisation!: string;

  @ApiProperty({ example: 'jo.bloggs@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  @SingleLine()
  email!: string;
}

export class RegisterWorkforceAttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_STATES })
  @IsIn([...ATTENDANCE_STATES], { message: `attendance must be one of ${ATTENDANCE_STATES.join(', ')}` })
  attendance!: WorkforceAttendance;

  @ApiProperty({ description: 'The version read: a stale one is a 409' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}
