import { Body, Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { API_CONFIG, type ApiConfig } from '../config';
import { LinkAnswerDto } from './dto/link-answer.dto';
import type { LinkIssued, LinkView } from '@ccc/contracts';
import { LinksService } from './links.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('links')
@Controller()
export class LinksController {
  constructor(
    private readonly links: LinksService,
    // Links are built from PUBLIC_URL (normalised in config.ts), never from the request's Host header.
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Anyone who can read the CCC's record asks for the link; it is e-mailed to the CCC's PCN supervisor. */
  @ApiBearerAuth()
  @RequirePermission('release:read')
  @CreateRoute('release-requests/:id/link')
  forRelease(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<LinkIssued> {
    return this.links.issueForRelease(user, id, this.config.publicUrl);
  }

  @ApiBearerAuth()
  @RequirePermission('session:read')
  @CreateRoute('sessions/:id/link')
  forSession(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<LinkIssued> {
    return this.links.issueForSession(user, id, this.config.publicUrl);
  }

  /** Open: the token is the credential. Rate limited; 404 for an unknown link, 410 for a used or expired one. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Get('links/:token')
  show(@Param('token') token: string): Promise<LinkView> {
    return this.links.show(token);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @CreateRoute('links/:token')
  answer(@Param('token') token: string, @Body() body: LinkAnswerDto): Promise<LinkView> {
    return this.links.answer(token, body);
  }
}
