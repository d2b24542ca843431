import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
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
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'employmentStart must be a date as YYYY-MM-DD' })
  employmentStart!: string;
}
