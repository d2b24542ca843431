import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResponse, LogoutResponse, MeResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleService } from '../people/people.service';
import { AuthService, type IssuedTokens } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ChooseAllianceDto } from './dto/choose-alliance.dto';
import { LoginDto } from './dto/login.dto';
import { type AccessClaims, hasSession } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { OidcService } from './oidc/oidc.service';

/** The refresh token lives only in this cookie: httpOnly (no script reads it), sent only to the auth routes. */
export const REFRESH_COOKIE = 'ccc_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

/** Sets the refresh cookie of a new session or a rotation (also after a single sign-on). */
export function setRefreshCookie(res: Response, issued: IssuedTokens, config: ApiConfig): void {
  res.cookie(REFRESH_COOKIE, issued.refreshToken, {
    httpOnly: true,
    secure: config.cookieSecure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    expires: issued.refreshExpiresAt,
  });
  // Tokens must never be cached by a proxy or the browser.
  res.setHeader('Cache-Control', 'no-store');
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly people: PeopleService,
    private readonly limiter: LoginLimiter,
    private readonly jwt: JwtService,
    private readonly oidc: OidcService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Open to all: exchanges an email and password for a short access token and a refresh cookie. JSON only, so no
   * other site's form can sign someone in. Failures back off exponentially (login-limiter.ts): 429 with Retry-After.
   */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An access token and who signed in; the refresh token is set as an httpOnly cookie' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts: wait Retry-After seconds' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeException('Sign in with a JSON body');
    // Too many attempts: a 429 whose Retry-After the exception filter sets.
    const attempt = await this.limiter.reserve(body.email, req.ip ?? '');
    const issued = await this.auth.login(body.email, body.password).catch(async (error: unknown) => {
      await this.limiter.failed(attempt);
      throw error;
    });
    await this.limiter.succeeded(attempt);
    return this.withCookie(res, issued);
  }

  /** Open to all, authenticated by the refresh cookie: a new access token, and the cookie rotated. */
  @Public()
  @SkipThrottle({ default: true })
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new access token; the refresh cookie is replaced' })
  @ApiUnauthorizedResponse({ description: 'No valid refresh cookie: sign in again' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      return this.withCookie(res, await this.auth.refresh(this.presented(req)));
    } catch (error) {
      this.clearCookie(res);
      throw error;
    }
  }

  /**
   * Open to all: ends the session of the refresh cookie and of the access token, if any, and clears the cookie. A
   * session opened by single sign-on answers 200 with the provider's end-session address, where the browser goes
   * next so that the NHS account is signed out too (RP-initiated logout); any other answers 204.
   */
  @Public()
  @SkipThrottle({ default: true })
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiOkResponse({ description: "Signed out here; `endSessionUrl` ends the single sign-on provider's session too" })
  async logout(@Req() req: Request, @Res() res: Response): Promise<LogoutResponse | void> {
    const { sessionId } = await this.auth.logout(this.presented(req), await this.accessSession(req));
    this.clearCookie(res);
    const endSessionUrl = await this.oidc.endSessionUrl(sessionId);
    if (endSessionUrl) {
      const body: LogoutResponse = { endSessionUrl };
      res.status(200).json(body);
    } else res.status(204).end();
  }

  /** Every signed-in person: who they are and their roles. */
  @ApiBearerAuth()
  @RequirePermission('me:read')
  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    const me = await this.people.describe(user.id, undefined, user.sessionId ?? undefined);
    if (!me) throw new NotFoundException('Person not found');
    return me;
  }

  /**
   * Someone with roles in more than one Alliance chooses which they act in for this session; every request after
   * it is scoped to that Alliance. 403 for an Alliance they hold no role in.
   */
  @ApiBearerAuth()
  @RequirePermission('me:read')
  @Post('me/alliance')
  @HttpCode(200)
  async chooseAlliance(@CurrentUser() user: AuthUser, @Body() body: ChooseAllianceDto): Promise<MeResponse> {
    await this.auth.chooseAlliance(user, body.allianceId);
    const me = await this.people.describe(user.id, undefined, user.sessionId ?? undefined);
    if (!me) throw new NotFoundException('Person not found');
    return me;
  }

  /** Every signed-in person, for themself; every session of theirs ends, so they sign in again with it. */
  @ApiBearerAuth()
  @RequirePermission('me:read')
  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every session ended' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
    this.clearCookie(res);
  }

  /** The session a valid access token names (verified as every request's token is, expiry included). */
  private async accessSession(req: Request): Promise<{ personId: string; sessionId: string } | undefined> {
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return undefined;
    const claims = await this.jwt.verifyAsync<AccessClaims>(token).catch(() => null);
    return claims && hasSession(claims) ? { personId: claims.sub, sessionId: claims.sid } : undefined;
  }

  private presented(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' && value ? value : undefined;
  }

  private withCookie(res: Response, issued: IssuedTokens): LoginResponse {
    setRefreshCookie(res, issued, this.config);
    return issued.body;
  }

  private clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
    });
  }
}
