import { Body, Controller, Get, HttpCode, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { LoginResponse, MeResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { PeopleService } from '../people/people.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { AccountThrottlerGuard, AddressThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly people: PeopleService,
  ) {}

  /** Open to all: exchanges an email and password for an access token. */
  @Public()
  @UseGuards(AddressThrottlerGuard, AccountThrottlerGuard)
  @SkipThrottle({ default: true })
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An access token and who signed in' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password);
  }

  /** Every signed-in person: who they are and their roles. */
  @ApiBearerAuth()
  @RequirePermission('me:read')
  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    const me = await this.people.describe(user.id);
    if (!me) throw new NotFoundException('Person not found');
    return me;
  }
}
