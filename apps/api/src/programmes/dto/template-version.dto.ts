import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import type { ProgrammeTemplate } from '@ccc/programme';

/** The definition is checked by libs/programme (validateTemplate), which names each fault's path. */
export class TemplateVersionDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole template, as JSON' })
  @IsObject({ message: 'definition must be the template as an object' })
  definition!: ProgrammeTemplate;

  @ApiPropertyOptional({ description: 'Needed when the definition has warnings: the administrator has read them' })
  @IsOptional()
  @IsBoolean({ message: 'acknowledgedWarnings must be true or false' })
  acknowledgedWarnings?: boolean;
}
