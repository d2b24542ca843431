import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { SESSION_MODES, type SessionMode } from '@ccc/programme';
import { MultiLine, SingleLine, RequiredText } from '../../common/validators';

export class BookSessionDto {
  @ApiProperty({ example: '2026-12-02T10:00:00Z', description: 'ISO 8601 instant with an offset or Z' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt!: string;

  @ApiProperty({ example: 45 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1)
  @Max(24 * 60)
  durationMinutes!: number;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn([...SESSION_MODES], { message: `mode must be one of ${SESSION_MODES.join(', ')}` })
  mode!: SessionMode;

  @ApiPropertyOptional({ example: 'https://meet.example.org/ccc-supervision' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'meetingLink must be an https:// address' })
  @MaxLength(2000)
  @SingleLine()
  meetingLink?: string;

  @ApiPropertyOptional({ example: 'Room 2, Alliance offices' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  place?: string;

  @ApiPropertyOptional({ description: 'Why the session is booked outside its plan month' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  outOfMonthReason?: string;

  @ApiPropertyOptional({ description: 'Why the session is booked over a clash' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  conflictOverrideReason?: string;

  @ApiProperty({ description: 'The version read' })
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}

export class RescheduleSessionDto extends BookSessionDto {
  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.sessionRescheduleReason, message: 'reason must say why the session moves' })
  reason!: string;
}

export class CancelSessionDto {
  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.sessionCancelReason, message: 'reason must say why the session is cancelled' })
  reason!: string;

  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}
