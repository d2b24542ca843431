import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { MultiLine, RequiredText } from '../../common/validators';

export class LinkAnswerDto {
  @ApiProperty({ enum: ['confirm', 'decline', 'propose'] })
  @IsIn(['confirm', 'decline', 'propose'], { message: 'decision must be confirm, decline or propose' })
  decision!: 'confirm' | 'decline' | 'propose';

  @ApiPropertyOptional({ description: 'Why the time cannot be released (to decline)' })
  @ValidateIf((o: LinkAnswerDto) => o.decision === 'decline' || o.reason !== undefined)
  @RequiredText({ ...TEXT_RULES.releaseDeclineReason, message: 'reason must say why the time cannot be released' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Why release goes past the agreed cap' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  overrideReason?: string;

  @ApiPropertyOptional({ description: 'Another time, to propose for a session slot' })
  @ValidateIf((o: LinkAnswerDto) => o.decision === 'propose' || o.proposedStartsAt !== undefined)
  @IsISO8601({ strict: true }, { message: 'proposedStartsAt must be a date and time (ISO 8601)' })
  proposedStartsAt?: string;
}
