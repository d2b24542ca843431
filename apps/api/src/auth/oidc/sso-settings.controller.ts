import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SsoSettingsView } from '@ccc/contracts';
import type { AuthUser } from '../../common/auth-user';
import { CurrentUser, RequirePermission } from '../../common/decorators';
import { uuidParam } from '../../common/errors';
import { SaveSsoProviderDto, SsoRequirementDto } from './dto/sso-settings.dto';
import { SsoSettingsService } from './sso-settings.service';

/** The acting Alliance's single sign-on, for its administrators. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('alliance-sso')
export class SsoSettingsController {
  constructor(private readonly settings: SsoSettingsService) {}

  @RequirePermission('sso:read')
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<SsoSettingsView> {
    return this.settings.settings(user);
  }

  /** Creates (version 0) or replaces the provider; the client secret is never sent here (see README). */
  @RequirePermission('sso:edit')
  @Put()
  save(@CurrentUser() user: AuthUser, @Body() body: SaveSsoProviderDto): Promise<SsoSettingsView> {
    return this.settings.save(user, body);
  }

  /** Requires single sign-on of one person of the Alliance (password sign-in refused to them), or lifts it. */
  @RequirePermission('sso:edit')
  @Put('people/:personId')
  require(
    @CurrentUser() user: AuthUser,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: SsoRequirementDto,
  ): Promise<SsoSettingsView> {
    return this.settings.setRequired(user, personId, body.required);
  }
}
