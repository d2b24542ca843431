import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, RequiredText } from '../../common/validators';

/** A field left out is unchanged; null removes a supervisor. */
export class ChangeEnrolmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The PCN that employs the CCC from effectiveFrom' })
  @IsOptional()
  @IsUUID('all', { message: 'pcnId must be a UUID' })
  pcnId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A PCN supervisor of the (new) PCN, or null',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsUUID('all', { message: 'pcnSupervisorId must be a UUID or null' })
  pcnSupervisorId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An Alliance supervisor, or null' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsUUID('all', { message: 'allianceSupervisorId must be a UUID or null' })
  allianceSupervisorId?: string | null;

  @ApiProperty({ example: '2026-11-01', description: 'YYYY-MM-DD, from the cohort start to today' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @ApiProperty({ description: 'Why: kept with the change' })
  @RequiredText({ ...TEXT_RULES.enrolmentChangeReason, message: 'reason must say why the enrolment changes' })
  reason!: string;

  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}

export class EnrolmentVersionDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}

export class ReopenEnrolmentDto extends EnrolmentVersionDto {
  @ApiProperty({ description: 'Why the enrolment is reopened: kept in its history' })
  @RequiredText({ ...TEXT_RULES.enrolmentChangeReason, message: 'reason must say why the enrolment is reopened' })
  reason!: string;
}

export class PauseEnrolmentDto extends EnrolmentVersionDto {
  @ApiProperty({
    example: '2026-11-01',
    description: 'YYYY-MM-DD: the first paused day, from the cohort start to today',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'Why the CCC is paused (leave, sickness…): kept with the pause' })
  @RequiredText({ ...TEXT_RULES.enrolmentChangeReason, message: 'reason must say why the enrolment is paused' })
  reason!: string;
}

export class ResumeEnrolmentDto extends EnrolmentVersionDto {
  @ApiProperty({
    example: '2026-12-01',
    description: 'YYYY-MM-DD: the first day back, after the pause began, up to today',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'true: the plan months after the pause move on by the paused length; false: they stay' })
  @IsBoolean({ message: 'shift must be true or false' })
  shift!: boolean;
}
