import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, Min, ValidateIf } from 'class-validator';

export class PcnResponseDto {
  @ApiProperty({ enum: ['accept', 'propose'] })
  @IsIn(['accept', 'propose'], { message: 'decision must be accept or propose' })
  decision!: 'accept' | 'propose';

  @ApiPropertyOptional({ description: 'Required to propose another time' })
  @ValidateIf((o: PcnResponseDto) => o.decision === 'propose' || o.proposedStartsAt !== undefined)
  @IsISO8601({ strict: true }, { message: 'proposedStartsAt must be a date and time (ISO 8601)' })
  proposedStartsAt?: string;

  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}

export class AllianceResponseDto {
  @ApiProperty({ enum: ['accept', 'counter'] })
  @IsIn(['accept', 'counter'], { message: 'decision must be accept or counter' })
  decision!: 'accept' | 'counter';

  @ApiPropertyOptional({ description: 'Required to counter with another time' })
  @ValidateIf((o: AllianceResponseDto) => o.decision === 'counter' || o.startsAt !== undefined)
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt?: string;

  @ApiProperty()
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version!: number;
}
