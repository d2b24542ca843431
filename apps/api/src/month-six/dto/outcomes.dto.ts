import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SingleLine } from '../../common/validators';

export class OutcomeEntryDto {
  @ApiProperty({ minimum: 1, description: 'Month of the programme' })
  @IsInt({ message: 'month must be a whole number' })
  month!: number;

  @ApiProperty({ example: 'cancer-care-reviews' })
  @IsString()
  @MaxLength(100)
  @SingleLine()
  measureId!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'count must be a whole number' })
  count!: number;

  @ApiPropertyOptional({ description: 'The version read, when the count was recorded before' })
  @IsOptional()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}

export class RecordOutcomesDto {
  @ApiProperty({ type: [OutcomeEntryDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'entries must hold at least one count' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OutcomeEntryDto)
  entries!: OutcomeEntryDto[];
}
