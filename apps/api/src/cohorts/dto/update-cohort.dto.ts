import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, SingleLine } from '../../common/validators';

/** A field left out stays as it is. */
export class UpdateCohortDto {
  @ApiPropertyOptional({ example: 'Wessex CCC cohort, May 2027' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'name must name the cohort' })
  @MaxLength(200)
  @SingleLine()
  name?: string;

  @ApiPropertyOptional({ example: '2027-05-01', description: 'YYYY-MM-DD, after today; only before the cohort starts' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only before the cohort starts' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each of supervisorIds must be a UUID' })
  supervisorIds?: string[];

  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}

export class CohortVersionDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be a whole number' })
  version!: number;
}
