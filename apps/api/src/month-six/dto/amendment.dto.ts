import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { AMENDMENT_RECORDS, type AmendmentRecord } from '@ccc/contracts';
import { HELD_ATTENDANCE, type HeldAttendance } from '@ccc/programme';
import { HandoverFieldsDto } from './handover.dto';
import { MultiLine, SingleLine, RequiredText } from '../../common/validators';

export class OutcomeAmendmentDto {
  @ApiProperty()
  @IsInt({ message: 'month must be a whole number' })
  month!: number;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  measureId!: string;

  @ApiProperty()
  @IsInt({ message: 'count must be a whole number' })
  count!: number;
}

export class SessionAmendmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @MultiLine()
  notes?: string;

  @ApiPropertyOptional({ enum: HELD_ATTENDANCE })
  @IsOptional()
  @IsIn([...HELD_ATTENDANCE], { message: 'attendance must be present, apologies or absent' })
  attendance?: HeldAttendance;
}

export class CreateAmendmentDto {
  @ApiProperty({ enum: AMENDMENT_RECORDS })
  @IsIn([...AMENDMENT_RECORDS], { message: `record must be one of ${AMENDMENT_RECORDS.join(', ')}` })
  record!: AmendmentRecord;

  @ApiProperty({ description: 'Why the completed record is corrected' })
  @RequiredText({ max: 2000, message: 'reason must say why the completed record is corrected' })
  reason!: string;

  @ApiPropertyOptional({ type: HandoverFieldsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HandoverFieldsDto)
  handover?: HandoverFieldsDto;

  @ApiPropertyOptional({ type: OutcomeAmendmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomeAmendmentDto)
  outcome?: OutcomeAmendmentDto;

  @ApiPropertyOptional({ type: SessionAmendmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionAmendmentDto)
  session?: SessionAmendmentDto;
}
