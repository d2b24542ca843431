import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_NOTICE_TEXT, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '@ccc/programme';
import { MultiLine, SingleLine } from '../../common/validators';

/** Text is stored trimmed; blank means "not set". */
const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** Checked only when given and not blank: left out is unchanged, null or blank clears. */
const given = (field: keyof UpdateAlliancePolicyDto) =>
  ValidateIf((o: UpdateAlliancePolicyDto) => o[field] !== null && o[field] !== undefined && o[field] !== '');

/** PUT /api/alliance-policy. Each text field: left out, unchanged; null or blank, cleared. */
export class UpdateAlliancePolicyDto {
  @ApiProperty({ minimum: MIN_RETENTION_YEARS, maximum: MAX_RETENTION_YEARS })
  @IsInt({ message: 'retentionYears must be a whole number of years' })
  @Min(MIN_RETENTION_YEARS, { message: `retentionYears must be at least ${MIN_RETENTION_YEARS}` })
  @Max(MAX_RETENTION_YEARS, { message: `retentionYears must be at most ${MAX_RETENTION_YEARS}` })
  retentionYears!: number;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'The data controller; blank: the Alliance' })
  @trimmed
  @given('controllerName')
  @IsString({ message: 'controllerName must be text' })
  @MaxLength(300)
  @SingleLine()
  controllerName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @trimmed
  @given('contactEmail')
  @IsString({ message: 'contactEmail must be text' })
  @MaxLength(254)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address, like ig@example.nhs.uk' })
  @SingleLine()
  contactEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Postal address, one line each' })
  @trimmed
  @given('contactAddress')
  @IsString({ message: 'contactAddress must be text' })
  @MaxLength(1000)
  @MultiLine()
  contactAddress?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Plain text; blank lines separate paragraphs' })
  @trimmed
  @given('noticeText')
  @IsString({ message: 'noticeText must be text' })
  @MaxLength(MAX_NOTICE_TEXT)
  @MultiLine()
  noticeText?: string | null;

  @ApiProperty({ description: 'The version read; 0 while the Alliance uses the defaults' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0)
  version!: number;
}
