import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReleaseRequestView, ReleaseSummary } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import {
  ConfirmReleaseDto,
  ConfirmWeekDto,
  DeclineReleaseDto,
  LogReleaseDto,
  WithdrawReleaseDto,
} from './dto/release.dto';
import { ReleaseService } from './release.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('release time')
@ApiBearerAuth()
@Controller()
export class ReleaseController {
  constructor(private readonly release: ReleaseService) {}

  /** Anyone who may read the enrolment: requests, the 8-week study chart and the cap counter. */
  @RequirePermission('release:read')
  @Get('enrolments/:id/release')
  summary(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<ReleaseSummary> {
    return this.release.summary(user, id);
  }

  /** The CCC, for their own study time or a training day. */
  @RequirePermission('release:log')
  @CreateRoute('enrolments/:id/release-requests')
  log(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: LogReleaseDto,
  ): Promise<ReleaseRequestView> {
    return this.release.log(user, id, body);
  }

  /** A PCN supervisor of the CCC's PCN (or an administrator): every pending request of one week at once. */
  @RequirePermission('release:decide')
  @Post('enrolments/:id/release-requests/confirm-week')
  @HttpCode(200)
  confirmWeek(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ConfirmWeekDto,
  ): Promise<ReleaseSummary> {
    return this.release.confirmWeek(user, id, body);
  }

  @RequirePermission('release:decide')
  @Post('release-requests/:id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ConfirmReleaseDto,
  ): Promise<ReleaseRequestView> {
    return this.release.confirm(user, id, body);
  }

  /** The CCC withdraws their own study time or training day while the PCN has not decided it. */
  @RequirePermission('release:log')
  @Post('release-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: WithdrawReleaseDto,
  ): Promise<ReleaseRequestView> {
    return this.release.withdraw(user, id, body);
  }

  @RequirePermission('release:decide')
  @Post('release-requests/:id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: DeclineReleaseDto,
  ): Promise<ReleaseRequestView> {
    return this.release.decline(user, id, body);
  }
}
