import { Body, Controller, HttpCode, Inject, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { PersonListItem } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { API_CONFIG, type ApiConfig } from '../config';
import { EndRoleDto, PersonVersionDto, UpdatePersonDto } from './dto/person-admin.dto';
import { PeopleAdminService } from './people-admin.service';

@ApiTags('people')
@Controller()
export class PeopleAdminController {
  constructor(
    private readonly people: PeopleAdminService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Administrators: a new name at once; a new e-mail address once its owner confirms it from the link sent. */
  @ApiBearerAuth()
  @RequirePermission('people:manage')
  @Patch('people/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonListItem> {
    return this.people.update(user, id, body, this.config.publicUrl);
  }

  /** Administrators: one role of the person in their Alliance ends (409 while it is still in use). */
  @ApiBearerAuth()
  @RequirePermission('people:manage')
  @Post('people/:id/roles/end')
  @HttpCode(200)
  endRole(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: EndRoleDto,
  ): Promise<PersonListItem> {
    return this.people.endRole(user, id, body);
  }

  /** Administrators: no sign-in from now, every session ended at once; the history stays. */
  @ApiBearerAuth()
  @RequirePermission('people:manage')
  @Post('people/:id/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PersonVersionDto,
  ): Promise<PersonListItem> {
    return this.people.deactivate(user, id, body);
  }

  /** Open: the token is the credential. Rate limited; 404 for an unknown link, 410 for a used or expired one. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('email-confirmations/:token')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new address is the one to sign in with' })
  async confirmEmail(@Param('token') token: string): Promise<void> {
    await this.people.confirmEmail(token);
  }
}
