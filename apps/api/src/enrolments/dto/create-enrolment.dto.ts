import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { TRACKS, type Track } from '@ccc/programme';

export class CreateEnrolmentDto {
  @ApiProperty({ format: 'uuid', description: 'The CCC to enrol' })
  @IsUUID('all', { message: 'cccId must be a UUID' })
  cccId!: string;

  @ApiProperty({ format: 'uuid', description: 'The PCN that employs the CCC' })
  @IsUUID('all', { message: 'pcnId must be a UUID' })
  pcnId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pcnSupervisorId must be a UUID' })
  pcnSupervisorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'allianceSupervisorId must be a UUID' })
  allianceSupervisorId?: string;

  @ApiProperty({ enum: TRACKS })
  @IsIn([...TRACKS], { message: `track must be one of ${TRACKS.join(', ')}` })
  track!: Track;

  @ApiProperty({ example: '2026-08-01', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  employmentStart!: string;
}
