import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { createValidationPipe } from './errors';

class StudyTime {
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(5, { message: 'minutes must be at least 5' })
  @Max(720, { message: 'minutes must be at most 720 (12 hours)' })
  minutes!: number;

  @IsString({ message: 'description must be text' })
  @MaxLength(10, { message: 'description must be at most 10 characters' })
  description!: string;
}

async function reasons(body: unknown): Promise<{ field: string; reason: string }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: StudyTime });
  } catch (error) {
    if (error instanceof BadRequestException)
      return (error.getResponse() as { errors: { field: string; reason: string }[] }).errors;
    throw error;
  }
  return [];
}

describe('validation errors', () => {
  it('tells a value of the wrong type only that, not the range or length rules', async () => {
    expect(await reasons({ minutes: 'sixty', description: 42 })).toEqual([
      { field: 'minutes', reason: 'minutes must be a whole number' },
      { field: 'description', reason: 'description must be text' },
    ]);
  });

  it('keeps every rule a value of the right type breaks', async () => {
    expect(await reasons({ minutes: 1, description: 'far too long a text' })).toEqual([
      { field: 'minutes', reason: 'minutes must be at least 5' },
      { field: 'description', reason: 'description must be at most 10 characters' },
    ]);
    expect(await reasons({ minutes: 60, description: 'Reading' })).toEqual([]);
  });
});
