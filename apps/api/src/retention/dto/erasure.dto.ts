import { MAX_ERASURE_REASON } from '@ccc/programme';
import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../common/validators';

export class RequestErasureDto {
  @ApiProperty({
    description: 'Why the personal data is erased now (the request received); kept in the audit trail',
    maxLength: MAX_ERASURE_REASON,
  })
  @RequiredText({ max: MAX_ERASURE_REASON, message: 'reason must say why the personal data is erased' })
  reason!: string;
}
