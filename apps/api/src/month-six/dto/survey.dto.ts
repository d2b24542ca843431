import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';
import type { FreeTextAnswer, LikertLevel } from '@ccc/programme';

/** The answers' content is checked against the cohort's template (libs/programme checkSurveyAnswers). */
export class SaveSurveyDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 'would-recommend': 'agree' } })
  @IsObject({ message: 'likert must be an object of statement id to answer' })
  likert!: Record<string, LikertLevel>;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { text: { type: 'string' }, mayQuote: { type: 'boolean' } },
      required: ['text', 'mayQuote'],
    },
    example: { 'most-valuable': { text: 'Meeting other CCCs', mayQuote: true } },
  })
  @IsObject({ message: 'freeText must be an object of question id to answer' })
  freeText!: Record<string, FreeTextAnswer>;

  @ApiProperty({ description: 'The version read; 0 for a first save' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0)
  version!: number;
}
