import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HANDOVER_TRAINING_KINDS, type HandoverTrainingKind } from '@ccc/programme';
import { IsCalendarDate, MultiLine, SingleLine } from '../../common/validators';

const LONG_TEXT = 8000;

export class HandoverTrainingItemDto {
  @ApiProperty({ enum: HANDOVER_TRAINING_KINDS })
  @IsIn([...HANDOVER_TRAINING_KINDS], { message: 'kind must be course or free' })
  kind!: HandoverTrainingKind;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  title!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: HandoverTrainingItemDto) => o.courseKey !== null && o.courseKey !== undefined)
  @IsString()
  @MaxLength(100)
  @SingleLine()
  courseKey!: string | null;

  @ApiProperty({ minimum: 1, maximum: 6, description: 'Month after the programme' })
  @IsInt({ message: 'targetMonth must be a whole number' })
  targetMonth!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  @SingleLine({ each: true })
  competencyCodes?: string[];
}

/** The handover record's content: each field optional (left out: unchanged); null clears it. */
export class HandoverFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: HandoverFieldsDto) => o.pcnPriorities !== null && o.pcnPriorities !== undefined)
  @IsString()
  @MaxLength(LONG_TEXT)
  @MultiLine()
  pcnPriorities?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: HandoverFieldsDto) => o.roleDevelopment !== null && o.roleDevelopment !== undefined)
  @IsString()
  @MaxLength(LONG_TEXT)
  @MultiLine()
  roleDevelopment?: string | null;

  @ApiPropertyOptional({ type: [HandoverTrainingItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HandoverTrainingItemDto)
  trainingAgreed?: HandoverTrainingItemDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who takes over clinical supervision' })
  @ValidateIf((o: HandoverFieldsDto) => o.followOnSupervisorName !== null && o.followOnSupervisorName !== undefined)
  @IsString()
  @MaxLength(300)
  @SingleLine()
  followOnSupervisorName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-04-01' })
  @ValidateIf((o: HandoverFieldsDto) => o.appraisalDate !== null && o.appraisalDate !== undefined)
  @IsCalendarDate()
  appraisalDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: HandoverFieldsDto) => o.roleEvaluation !== null && o.roleEvaluation !== undefined)
  @IsString()
  @MaxLength(LONG_TEXT)
  @MultiLine()
  roleEvaluation?: string | null;
}

export class UpdateHandoverDto extends HandoverFieldsDto {
  @ApiProperty({ description: 'The version read; 0 when nothing has been written yet' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0)
  version!: number;
}

export class SignHandoverDto {
  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}
