import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, MultiLine, SingleLine } from '../../common/validators';
import { HELD_ATTENDANCE, PARTICIPANT_ROLES, type HeldAttendance as Held, type ParticipantRole } from '@ccc/programme';

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;

  @ApiProperty({ enum: HELD_ATTENDANCE })
  @IsIn([...HELD_ATTENDANCE], { message: 'attendance must be present, apologies or absent' })
  attendance!: Held;
}

export class StaffAttendanceDto {
  @ApiPropertyOptional({ enum: HELD_ATTENDANCE })
  @IsOptional()
  @IsIn([...HELD_ATTENDANCE], { message: 'attendance must be present, apologies or absent' })
  pcn_supervisor?: Held;

  @ApiPropertyOptional({ enum: HELD_ATTENDANCE })
  @IsOptional()
  @IsIn([...HELD_ATTENDANCE], { message: 'attendance must be present, apologies or absent' })
  alliance_supervisor?: Held;
}

export class AgreedActionDto {
  @ApiProperty()
  @IsString()
  @MinLength(2, { message: 'description must say what was agreed' })
  @MaxLength(1000)
  @SingleLine()
  description!: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn([...PARTICIPANT_ROLES], { message: `owner must be one of ${PARTICIPANT_ROLES.join(', ')}` })
  owner!: ParticipantRole;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The enrolment of the CCC who owns a CCC’s action: required in a group session, on its register',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerEnrolmentId must be the enrolment of a CCC on the register' })
  ownerEnrolmentId?: string;

  @ApiProperty({ example: '2026-12-15' })
  @IsCalendarDate()
  dueDate!: string;
}

export class RecordSessionDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance!: AttendanceEntryDto[];

  @ApiPropertyOptional({ type: StaffAttendanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StaffAttendanceDto)
  staffAttendance?: StaffAttendanceDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @MultiLine()
  notes?: string;

  @ApiPropertyOptional({ type: [AgreedActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgreedActionDto)
  actions?: AgreedActionDto[];

  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}

export class MarkActionDoneDto {
  @ApiProperty({ description: 'The version of the action read' })
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}
