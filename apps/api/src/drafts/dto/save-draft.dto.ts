import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class SaveDraftDto {
  @ApiProperty({ description: 'Any JSON: the text typed so far, or the fields of a form' })
  @Allow()
  content!: unknown;
}
