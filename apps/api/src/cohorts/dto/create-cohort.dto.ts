import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, SingleLine } from '../../common/validators';

export class CreateCohortDto {
  @ApiProperty({ example: 'Wessex CCC cohort, April 2027' })
  @IsString()
  @MinLength(2, { message: 'name must name the cohort' })
  @MaxLength(200)
  @SingleLine()
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The template version the cohort follows' })
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId!: string;

  @ApiProperty({ example: '2027-04-01', description: 'YYYY-MM-DD: month 1 starts on this date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Alliance supervisors who run the cohort' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each of supervisorIds must be a UUID' })
  supervisorIds!: string[];
}
