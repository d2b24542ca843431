import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { RoleOfferView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { InvitationAnswersService } from './invitation-answers.service';

/**
 * A role offered to someone who already has an account: they see it, and accept or decline it, signed in as
 * themself, from the e-mailed link. Anyone else's link is unknown (404); the link's 256 random bits need no
 * rate limit against guessing, and the caller is signed in.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('role-offers')
export class RoleOffersController {
  constructor(private readonly answers: InvitationAnswersService) {}

  @RequirePermission('me:read')
  @Get(':token')
  show(@CurrentUser() user: AuthUser, @Param('token') token: string): Promise<RoleOfferView> {
    return this.answers.offer(user, token);
  }

  @RequirePermission('me:read')
  @Post(':token/accept')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The role is yours; choose its Alliance to act in it' })
  async accept(@CurrentUser() user: AuthUser, @Param('token') token: string): Promise<void> {
    await this.answers.answerOffer(user, token, true);
  }

  @RequirePermission('me:read')
  @Post(':token/decline')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Declined; nothing changes' })
  async decline(@CurrentUser() user: AuthUser, @Param('token') token: string): Promise<void> {
    await this.answers.answerOffer(user, token, false);
  }
}
