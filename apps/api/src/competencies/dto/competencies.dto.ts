import { TEXT_RULES } from '@ccc/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRAINING_ITEM_KINDS, type TrainingItemKind } from '@ccc/programme';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, MultiLine, SingleLine, RequiredText } from '../../common/validators';

const version = { message: 'version must be the version you read' };

export class VersionDto {
  @ApiProperty({ description: 'The version you read (0 before anything was recorded)' })
  @IsInt(version)
  @Min(0, version)
  version!: number;
}

export class SubmitEvidenceDto {
  @ApiProperty({ enum: ['reflection', 'link'] })
  @IsIn(['reflection', 'link'], { message: 'kind must be reflection or link (a file goes to .../evidence/file)' })
  kind!: 'reflection' | 'link';

  @ApiPropertyOptional({ description: 'The reflection; for a link, an optional note' })
  @ValidateIf((o: SubmitEvidenceDto) => o.kind === 'reflection' || o.text !== undefined)
  @IsString({ message: 'text must be text' })
  // A reflection says something; a link's note may be a word.
  @ValidateBy({
    name: 'reflectionLength',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as SubmitEvidenceDto).kind !== 'reflection' ||
        (typeof value === 'string' && value.trim().length >= 10),
      defaultMessage: () => 'text must be a reflection of at least 10 characters',
    },
  })
  @MaxLength(20000)
  @MultiLine()
  text?: string;

  @ApiPropertyOptional({ example: 'https://example.org/audit-summary' })
  @ValidateIf((o: SubmitEvidenceDto) => o.kind === 'link' || o.url !== undefined)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be a web address starting with https:// or http://' },
  )
  @MaxLength(2000)
  @SingleLine()
  url?: string;
}

/** The text fields of a multipart evidence upload. */
export class EvidenceFileFieldsDto {
  @ApiPropertyOptional({ description: 'A note about the file' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @MultiLine()
  text?: string;
}

export class SignOffDto extends VersionDto {
  @ApiProperty({ description: "A level of the framework's proficiency scale", example: 3 })
  @IsInt({ message: "rating must be a level of the framework's scale" })
  rating!: number;

  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.signOffComment, message: 'comment must say what the sign-off rests on' })
  comment!: string;
}

export class ReturnEvidenceDto extends VersionDto {
  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.returnEvidenceComment, message: 'comment must say what more is needed' })
  comment!: string;
}

export class WithdrawSignOffDto extends VersionDto {
  @ApiProperty()
  @RequiredText({ ...TEXT_RULES.withdrawSignOffReason, message: 'reason must say why the sign-off is withdrawn' })
  reason!: string;
}

class SelfRatingDto {
  @ApiProperty()
  @IsString()
  @MaxLength(32)
  @SingleLine()
  code!: string;

  @ApiProperty()
  @IsInt({ message: 'rating must be a level of the scale' })
  rating!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @MultiLine()
  note?: string;
}

class AgreedRatingDto {
  @ApiProperty()
  @IsString()
  @MaxLength(32)
  @SingleLine()
  code!: string;

  @ApiProperty()
  @IsInt({ message: 'rating must be a level of the scale' })
  rating!: number;

  @ApiPropertyOptional({ description: 'The training needs agreed for this competency' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @MultiLine()
  needs?: string;
}

export class TnaSelfRatingsDto extends VersionDto {
  @ApiProperty({ type: [SelfRatingDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SelfRatingDto)
  ratings!: SelfRatingDto[];
}

export class TnaAgreedRatingsDto extends VersionDto {
  @ApiProperty({ type: [AgreedRatingDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AgreedRatingDto)
  ratings!: AgreedRatingDto[];
}

export class CreateTrainingPlanItemDto {
  @ApiProperty({ enum: TRAINING_ITEM_KINDS })
  @IsIn(TRAINING_ITEM_KINDS, { message: `kind must be one of ${TRAINING_ITEM_KINDS.join(', ')}` })
  kind!: TrainingItemKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @SingleLine()
  title?: string;

  @ApiPropertyOptional({ example: 'elfh-accend' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  courseKey?: string;

  @ApiProperty({ example: 2 })
  @IsInt({ message: 'targetMonth must be a month of the programme' })
  targetMonth!: number;

  @ApiProperty({ type: [String], example: ['SCR-01'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  @SingleLine({ each: true })
  competencyCodes!: string[];
}

export class UpdateTrainingPlanItemDto extends VersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @SingleLine()
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'targetMonth must be a month of the programme' })
  targetMonth?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  @SingleLine({ each: true })
  competencyCodes?: string[];
}

/** Multipart text fields arrive as strings: the version is converted before it is checked. */
export class CompleteTrainingPlanItemDto {
  @ApiProperty({ example: '2026-11-24' })
  @IsCalendarDate()
  completedOn!: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt(version)
  @Min(1, version)
  version!: number;
}

export class SetCohortFrameworkDto {
  @ApiProperty()
  @IsUUID('all', { message: 'frameworkId must be the id of a framework version' })
  frameworkId!: string;

  @ApiProperty()
  @IsInt(version)
  @Min(1, version)
  version!: number;
}

export class MoveCohortFrameworkDto {
  @ApiProperty({ description: 'The framework version to move the cohort to' })
  @IsUUID('all', { message: 'frameworkId must be the id of a framework version' })
  frameworkId!: string;

  @ApiProperty({ description: "The cohort's version read" })
  @IsInt(version)
  @Min(1, version)
  version!: number;

  @ApiPropertyOptional({ description: 'List what would change without moving the cohort' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class ImportFrameworkFieldsDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class ExportFrameworkQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
