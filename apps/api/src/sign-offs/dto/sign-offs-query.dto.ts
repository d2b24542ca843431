import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_SIGNED_PAGE_SIZE, SIGNED_PAGE_SIZE } from '@ccc/contracts';
import { SIGN_OFF_KINDS, type SignOffKind } from '@ccc/programme';

/** Filters of a party's own sign-offs; each absent means all. */
export class SignOffsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A CCC's person id" })
  @IsOptional()
  @IsUUID('all', { message: 'ccc must be a UUID' })
  ccc?: string;

  @ApiPropertyOptional({ enum: SIGN_OFF_KINDS })
  @IsOptional()
  @IsIn(SIGN_OFF_KINDS, { message: `kind must be one of ${SIGN_OFF_KINDS.join(', ')}` })
  kind?: SignOffKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 36, description: 'Month of the programme' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'month must be a whole number' })
  @Min(1, { message: 'month must be from 1 to 36' })
  @Max(36, { message: 'month must be from 1 to 36' })
  month?: number;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Page of what the caller signed, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'signedPage must be a whole number' })
  @Min(1, { message: 'signedPage must be 1 or more' })
  @Max(100_000, { message: 'signedPage must be 100000 or less' })
  signedPage?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SIGNED_PAGE_SIZE, default: SIGNED_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'signedPageSize must be a whole number' })
  @Min(1, { message: `signedPageSize must be from 1 to ${MAX_SIGNED_PAGE_SIZE}` })
  @Max(MAX_SIGNED_PAGE_SIZE, { message: `signedPageSize must be from 1 to ${MAX_SIGNED_PAGE_SIZE}` })
  signedPageSize?: number;
}
