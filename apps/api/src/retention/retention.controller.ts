import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ErasureResult, RetentionList } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { RequestErasureDto } from './dto/erasure.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller()
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The Alliance's administrator: each enrolment with when it ended and when its personal data is due for erasure. */
  @RequirePermission('retention:read')
  @Get('retention')
  list(@CurrentUser() user: AuthUser): Promise<RetentionList> {
    return this.retention.list(user);
  }

  /** The Alliance's administrator, for a completed or withdrawn enrolment: erased now, with the reason audited. */
  @RequirePermission('erasure:request')
  @Post('enrolments/:id/erasure')
  @HttpCode(200)
  erase(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RequestErasureDto,
  ): Promise<ErasureResult> {
    return this.retention.requestErasure(user, id, body);
  }
}
