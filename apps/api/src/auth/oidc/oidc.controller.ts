import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SsoProviderRef } from '@ccc/contracts';
import { Public } from '../../common/decorators';
import { API_CONFIG, type ApiConfig } from '../../config';
import { setRefreshCookie } from '../auth.controller';
import { SsoRefused } from './oidc-errors';
import { FLOW_SECONDS, OidcService } from './oidc.service';

/** State, nonce and PKCE verifier between the start and the callback: signed, httpOnly, ten minutes, these routes only. */
export const FLOW_COOKIE = 'ccc_oidc_flow';
const FLOW_COOKIE_PATH = '/api/auth/oidc';
/** The SPA's sign-in page explains each refusal from this parameter. */
const refusedAt = (code: string) => `/sign-in?sso_error=${encodeURIComponent(code)}`;

/**
 * Single sign-on by OpenID Connect. Open routes: the person is not signed in yet. Each answers with a redirect
 * (to the provider, or back into the SPA), never an error page of the API's: a refusal goes to the sign-in page.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The sign-in page's single sign-on buttons, one per Alliance that has a provider. Nothing personal. */
  @Public()
  @Get('providers')
  @ApiOkResponse({ description: 'The providers people can sign in with' })
  providers(): Promise<SsoProviderRef[]> {
    return this.oidc.providers();
  }

  /** Sends the browser to the Alliance's provider with state, nonce and a PKCE challenge. */
  @Public()
  @Get(':slug/start')
  @ApiParam({ name: 'slug', description: "The provider's short name, e.g. wessex" })
  @ApiFoundResponse({
    description: "To the provider's sign-in page; or back to /sign-in?sso_error=... if it cannot start",
  })
  async start(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { url, flow } = await this.oidc.start(slug);
      res.cookie(FLOW_COOKIE, flow, {
        httpOnly: true,
        secure: this.config.cookieSecure,
        // Lax: the provider's redirect back is a top-level navigation from another site.
        sameSite: 'lax',
        path: FLOW_COOKIE_PATH,
        maxAge: FLOW_SECONDS * 1000,
      });
      res.redirect(302, url);
    } catch (error) {
      await this.refuse(error, req, res);
    }
  }

  /** The provider's redirect back: on success the session is opened (refresh cookie) and the SPA takes over. */
  @Public()
  @Get('callback')
  @ApiFoundResponse({ description: 'Into the SPA, signed in; or to /sign-in?sso_error=... with the reason' })
  async callback(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const flow = (req.cookies as Record<string, unknown> | undefined)?.[FLOW_COOKIE];
    // Used once, whatever happens next.
    res.clearCookie(FLOW_COOKIE, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'lax',
      path: FLOW_COOKIE_PATH,
    });
    try {
      const issued = await this.oidc.callback(query, typeof flow === 'string' ? flow : undefined);
      setRefreshCookie(res, issued, this.config);
      res.redirect(302, '/');
    } catch (error) {
      await this.refuse(error, req, res);
    }
  }

  private async refuse(error: unknown, req: Request, res: Response): Promise<void> {
    const refusal = error instanceof SsoRefused ? error : new SsoRefused('sso_failed', String(error));
    // An audit failure must not turn a refusal into a 500.
    await this.oidc.refused(refusal, req.ip ?? '').catch(() => undefined);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, refusedAt(refusal.code));
  }
}
