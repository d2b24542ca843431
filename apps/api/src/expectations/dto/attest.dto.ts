import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, MultiLine, SingleLine } from '../../common/validators';

export class AttestDutyDto {
  @ApiProperty({ example: '2026-11-20', description: 'When it was done: not before it can be true, not after today' })
  @IsCalendarDate()
  attestedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  note?: string;
}

/** An expectation's attestation: the duty's fields, and which expectation. */
export class AttestDto extends AttestDutyDto {
  @ApiProperty({ example: 'ccc-community-of-practice' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  expectationKey!: string;
}
