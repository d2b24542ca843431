import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AgendaItem, OpenActionView, SessionView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam, validationFailed } from '../common/errors';
import { CalendarService } from '../calendar/calendar.service';
import { AgendaService } from './agenda.service';
import { BookSessionDto, CancelSessionDto, RescheduleSessionDto } from './dto/book-session.dto';
import { MarkActionDoneDto, RecordSessionDto } from './dto/record-session.dto';
import { AllianceResponseDto, PcnResponseDto } from './dto/respond.dto';
import { BookingCommands } from './booking.commands';
import { RecordingCommands } from './recording.commands';
import { SchedulingService } from './scheduling.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly booking: BookingCommands,
    private readonly recording: RecordingCommands,
    private readonly agenda: AgendaService,
    private readonly calendar: CalendarService,
  ) {}

  /** Anyone the session concerns (the register is narrowed to what they may see). */
  @RequirePermission('session:read')
  @Get('sessions/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<SessionView> {
    return this.scheduling.view(user, id);
  }

  /** The Alliance (administrators, the cohort's and the CCC's Alliance supervisors). */
  @RequirePermission('session:book')
  @Post('sessions/:id/book')
  @HttpCode(200)
  book(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: BookSessionDto,
  ): Promise<SessionView> {
    return this.booking.bookSession(user, id, body);
  }

  @RequirePermission('session:book')
  @Post('sessions/:id/reschedule')
  @HttpCode(200)
  reschedule(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RescheduleSessionDto,
  ): Promise<SessionView> {
    return this.booking.reschedule(user, id, body);
  }

  @RequirePermission('session:book')
  @Post('sessions/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CancelSessionDto,
  ): Promise<SessionView> {
    return this.booking.cancel(user, id, body);
  }

  /** The PCN supervisor of a CCC in a joint session or handover interview. */
  @RequirePermission('session:respond')
  @Post('sessions/:id/pcn-response')
  @HttpCode(200)
  pcnResponse(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PcnResponseDto,
  ): Promise<SessionView> {
    return this.booking.pcnResponse(user, id, body);
  }

  @RequirePermission('session:book')
  @Post('sessions/:id/alliance-response')
  @HttpCode(200)
  allianceResponse(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AllianceResponseDto,
  ): Promise<SessionView> {
    return this.booking.allianceResponse(user, id, body);
  }

  @RequirePermission('session:record')
  @Post('sessions/:id/record')
  @HttpCode(200)
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordSessionDto,
  ): Promise<SessionView> {
    return this.recording.record(user, id, body);
  }

  /** One session as an .ics file, for anyone it concerns. */
  @RequirePermission('session:read')
  @Get('sessions/:id/calendar.ics')
  @ApiProduces('text/calendar')
  async ics(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<StreamableFile> {
    const session = await this.scheduling.entityFor(user, id);
    const text = this.calendar.icsText(session.title, [session], user.id);
    // The type is set only on success, so that an error still answers as JSON.
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/calendar; charset=utf-8',
      disposition: `attachment; filename="session-${id}.ics"`,
    });
  }

  /** The owner of an agreed action (the CCC, the PCN supervisor or the Alliance supervisor it names) marks it done. */
  @RequirePermission('action:complete')
  @Post('agreed-actions/:id/done')
  @HttpCode(200)
  markActionDone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: MarkActionDoneDto,
  ): Promise<OpenActionView> {
    return this.recording.markActionDone(user, id, body);
  }

  /** The caller's own open agreed actions, soonest due first. */
  @RequirePermission('agenda:read')
  @Get('me/agreed-actions')
  myActions(@CurrentUser() user: AuthUser): Promise<OpenActionView[]> {
    return this.scheduling.myOpenActions(user);
  }

  /** The caller's own sessions in a window of days (Europe/London). */
  @RequirePermission('agenda:read')
  @Get('agenda')
  @ApiQuery({ name: 'from', example: '2026-11-23', description: 'YYYY-MM-DD, first day' })
  @ApiQuery({
    name: 'days',
    required: false,
    description: 'How many days, from `from`',
    schema: { type: 'integer', minimum: 1, maximum: 42, default: 7, example: 7 },
  })
  agendaOf(
    @CurrentUser() user: AuthUser,
    @Query('from') from?: string,
    @Query('days') days?: string,
  ): Promise<AgendaItem[]> {
    const count = days === undefined ? 7 : Number(days);
    const problems = [];
    if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from))
      problems.push({ field: 'from', reason: 'from must be a date as YYYY-MM-DD' });
    if (!Number.isInteger(count) || count < 1 || count > 42)
      problems.push({ field: 'days', reason: 'days must be a whole number from 1 to 42' });
    if (problems.length) throw validationFailed(problems);
    return this.agenda.agenda(user, from!, count);
  }
}
