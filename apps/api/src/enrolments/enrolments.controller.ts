import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseloadRow, EnrolmentSummary, EnrolmentsPage, TimelineResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { ListPageQueryDto } from '../common/list-page.dto';
import { CreateEnrolmentDto } from './dto/create-enrolment.dto';
import { WithdrawEnrolmentDto } from './dto/withdraw-enrolment.dto';
import { EnrolmentCommands } from './enrolment-commands.service';
import { EnrolmentsService } from './enrolments.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly commands: EnrolmentCommands,
  ) {}

  /** Everyone signed in; each sees only the enrolments in their scope (a CCC: their own). */
  @RequirePermission('enrolment:read')
  @Get('enrolments')
  list(@CurrentUser() user: AuthUser): Promise<EnrolmentSummary[]> {
    return this.enrolments.list(user);
  }

  /**
   * The same list a page at a time (`page`, `pageSize`, words `q` each in the CCC's name or e-mail, the PCN or the
   * cohort), with how many match; `GET /api/enrolments` still answers the whole list for its callers.
   */
  @RequirePermission('enrolment:read')
  @Get('enrolments/page')
  page(@CurrentUser() user: AuthUser, @Query() query: ListPageQueryDto): Promise<EnrolmentsPage> {
    return this.enrolments.page(user, query);
  }

  /** Administrators and Alliance supervisors: each CCC in scope with what is unbooked, waiting, upcoming, overdue. */
  @RequirePermission('caseload:read')
  @Get('caseload')
  caseload(@CurrentUser() user: AuthUser): Promise<CaseloadRow[]> {
    return this.enrolments.caseload(user);
  }

  @RequirePermission('enrolment:read')
  @Get('enrolments/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<EnrolmentSummary> {
    return this.enrolments.get(user, id);
  }

  @RequirePermission('enrolment:read')
  @Get('enrolments/:id/timeline')
  timeline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<TimelineResponse> {
    return this.enrolments.timeline(user, id);
  }

  /** Administrators, and Alliance supervisors for the cohorts they run. */
  @RequirePermission('enrolment:create')
  @CreateRoute('cohorts/:id/enrolments')
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) cohortId: string,
    @Body() body: CreateEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.commands.enrol(user, cohortId, body);
  }

  /** Administrators: the CCC leaves the programme early; the reason is kept and the records stay, read-only. */
  @RequirePermission('enrolment:withdraw')
  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: WithdrawEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.commands.withdraw(user, id, body);
  }
}
