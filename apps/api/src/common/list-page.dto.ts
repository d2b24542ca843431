import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIST_PAGE_SIZE, MAX_LIST_PAGE_SIZE } from '@ccc/contracts';
import { SingleLine } from './validators';

/** `?page=&pageSize=&q=` of an administrator's long list (people, enrolments). */
export class ListPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(100_000, { message: 'page must be 100000 or less' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIST_PAGE_SIZE, default: LIST_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: `pageSize must be from 1 to ${MAX_LIST_PAGE_SIZE}` })
  @Max(MAX_LIST_PAGE_SIZE, { message: `pageSize must be from 1 to ${MAX_LIST_PAGE_SIZE}` })
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Words that must each appear in the name, e-mail or organisation, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'q must be 200 characters or fewer' })
  @SingleLine()
  q?: string;
}

/** The search's words as ILIKE patterns (each must match), with the wildcards people might type taken literally. */
export function searchPatterns(q: string | undefined): string[] {
  return (q ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
