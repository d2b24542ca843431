import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AttestDto {
  @ApiProperty({ example: 'ccc-community-of-practice' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  expectationKey!: string;

  @ApiProperty({ example: '2026-11-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'attestedOn must be a date as YYYY-MM-DD' })
  attestedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
