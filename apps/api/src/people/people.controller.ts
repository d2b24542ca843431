import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { InvitationIssued, InvitationView, OrganisationView, PeoplePage, PersonListItem } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { ListPageQueryDto } from '../common/list-page.dto';
import { API_CONFIG, type ApiConfig } from '../config';
import { InvitePersonDto, SetPasswordDto } from './dto/invite-person.dto';
import { InvitationsService } from './invitations.service';
import { PeopleDirectoryService } from './people-directory.service';
import { InvitationAnswersService } from './invitation-answers.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly directory: PeopleDirectoryService,
    private readonly answers: InvitationAnswersService,
    // Links are built from PUBLIC_URL (normalised in config.ts), never from the request's Host header.
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Administrators (everyone) and Alliance supervisors (their Alliance and its PCNs), to enrol and invite. */
  @ApiBearerAuth()
  @RequirePermission('people:read')
  @Get('people')
  list(@CurrentUser() user: AuthUser): Promise<PersonListItem[]> {
    return this.directory.list(user);
  }

  /**
   * The same list a page at a time (`page`, `pageSize`, words `q` each in the name, e-mail or an organisation), with
   * how many match: for the administrator's people page, whatever the Alliance's size.
   */
  @ApiBearerAuth()
  @RequirePermission('people:read')
  @Get('people/page')
  page(@CurrentUser() user: AuthUser, @Query() query: ListPageQueryDto): Promise<PeoplePage> {
    return this.directory.page(user, query);
  }

  @ApiBearerAuth()
  @RequirePermission('people:read')
  @Get('organisations')
  organisations(@CurrentUser() user: AuthUser): Promise<OrganisationView[]> {
    return this.directory.organisations(user);
  }

  /** Administrators: the person, their role, and a one-time link to set a password, e-mailed. */
  @ApiBearerAuth()
  @RequirePermission('people:invite')
  @CreateRoute('people/invitations')
  invite(@CurrentUser() user: AuthUser, @Body() body: InvitePersonDto): Promise<InvitationIssued> {
    return this.invitations.invite(user, body, this.config.publicUrl);
  }

  /** A new link for someone who has not set their password yet; the earlier one stops working. */
  @ApiBearerAuth()
  @RequirePermission('people:invite')
  @CreateRoute('people/:id/invitation')
  reinvite(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<InvitationIssued> {
    return this.invitations.reinvite(user, id, this.config.publicUrl);
  }

  /** Open: the token is the credential. Rate limited; 404 for an unknown link, 410 for a used or expired one. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Get('invitations/:token')
  show(@Param('token') token: string): Promise<InvitationView> {
    return this.answers.show(token);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('invitations/:token/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; sign in with it' })
  async setPassword(@Param('token') token: string, @Body() body: SetPasswordDto): Promise<void> {
    await this.answers.setPassword(token, body.password);
  }
}
