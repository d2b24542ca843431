import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, MultiLine, SingleLine, RequiredText } from '../../common/validators';

export class LogReleaseDto {
  @ApiProperty({ enum: ['study', 'training'] })
  @IsIn(['study', 'training'], { message: 'kind must be study or training' })
  kind!: 'study' | 'training';

  @ApiProperty({ example: '2026-11-24' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 60 })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(5, { message: 'minutes must be at least 5' })
  @Max(720, { message: 'minutes must be at most 720 (12 hours)' })
  minutes!: number;

  @ApiProperty({ example: 'e-LfH ACCEND module 2' })
  @IsString()
  @MinLength(2, { message: 'description must say what the time was for' })
  @MaxLength(500)
  @SingleLine()
  description!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One key per form: submitting the same form twice logs the time once',
  })
  @IsOptional()
  @IsUUID('all', { message: 'requestKey must be a UUID' })
  requestKey?: string;
}

export class WithdrawReleaseDto {
  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}

export class ConfirmReleaseDto {
  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'Why release goes past the agreed cap' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  overrideReason?: string;
}

export class DeclineReleaseDto {
  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;

  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.releaseDeclineReason, message: 'reason must say why the time cannot be released' })
  reason!: string;
}

export class ConfirmWeekDto {
  @ApiProperty({ example: '2026-W48' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week like 2026-W48' })
  week!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  overrideReason?: string;
}
