import { MAX_ERASURE_REASON } from '@ccc/programme';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../../common/validators';

export class RequestErasureDto {
  @ApiProperty({
    description: 'Why the personal data is erased now (the request received); kept in the audit trail',
    maxLength: MAX_ERASURE_REASON,
  })
  @IsString()
  @MinLength(1, { message: 'reason must say why the personal data is erased' })
  @MaxLength(MAX_ERASURE_REASON)
  @MultiLine()
  reason!: string;
}
