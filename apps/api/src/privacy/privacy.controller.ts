import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AlliancePolicyView, PrivacyNoticeRef, PrivacyNoticeView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { UpdateAlliancePolicyDto } from './dto/alliance-policy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Open: anyone may read how their data is used before signing in. Alliance names only, nothing personal. */
  @Public()
  @Get('privacy-notices')
  notices(): Promise<PrivacyNoticeRef[]> {
    return this.privacy.notices();
  }

  /** Open: the notice of one Alliance; 404 for an id that is no Alliance. */
  @Public()
  @Get('privacy-notices/:allianceId')
  notice(@Param('allianceId', uuidParam('allianceId')) allianceId: string): Promise<PrivacyNoticeView> {
    return this.privacy.notice(allianceId);
  }

  /** The administrator's acting Alliance's policy. */
  @ApiBearerAuth()
  @RequirePermission('policy:read')
  @Get('alliance-policy')
  policy(@CurrentUser() user: AuthUser): Promise<AlliancePolicyView> {
    return this.privacy.policy(user);
  }

  @ApiBearerAuth()
  @RequirePermission('policy:edit')
  @Put('alliance-policy')
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateAlliancePolicyDto): Promise<AlliancePolicyView> {
    return this.privacy.update(user, body);
  }
}
