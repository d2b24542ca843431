import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { CalendarFeedResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { CalendarService } from './calendar.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  // Feed addresses are built from PUBLIC_URL (normalised in config.ts) by the service, never from the Host header.
  constructor(private readonly calendar: CalendarService) {}

  @ApiBearerAuth()
  @RequirePermission('calendar:manage')
  @Get('calendar-feed')
  status(@CurrentUser() user: AuthUser): Promise<CalendarFeedResponse> {
    return this.calendar.status(user);
  }

  /** Creates the caller's private feed address, replacing any earlier one (which stops working at once). */
  @ApiBearerAuth()
  @RequirePermission('calendar:manage')
  @CreateRoute('calendar-feed')
  create(@CurrentUser() user: AuthUser): Promise<CalendarFeedResponse> {
    return this.calendar.create(user);
  }

  @ApiBearerAuth()
  @RequirePermission('calendar:manage')
  @Delete('calendar-feed')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendar.revoke(user);
  }

  /**
   * Open to calendar programs: the token in the address is the credential (revocable, not the person's JWT).
   * Rate limited per address; an unknown token is 404, a replaced or revoked one 410 Gone.
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Get('calendar/:file')
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file)?.[1];
    if (!token) throw new NotFoundException('No such calendar');
    const text = await this.calendar.feed(token);
    // Set only on success, so that an error still answers as JSON.
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    // A feed is as personal as the timeline: no-store, like every /api answer (common/no-store.ts).
    return text;
  }
}
