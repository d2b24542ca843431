import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { CohortGroupSession, CohortResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { CohortReadsService } from './cohort-reads.service';
import { CohortsService } from './cohorts.service';
import { CreateCohortDto } from './dto/create-cohort.dto';
import { CohortVersionDto, UpdateCohortDto } from './dto/update-cohort.dto';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly reads: CohortReadsService,
  ) {}

  /** Administrators; Alliance supervisors for the cohorts they run or supervise CCCs in. */
  @RequirePermission('cohort:read')
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<CohortResponse[]> {
    return this.reads.list(user);
  }

  /** Administrators: a new cohort of a template version, with the Alliance supervisors who run it. */
  @RequirePermission('cohort:create')
  @CreateRoute()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(user, body);
  }

  @RequirePermission('cohort:read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<CohortResponse> {
    return this.reads.get(user, id);
  }

  /**
   * The cohort's group sessions (one meeting for all its CCCs), to book them from the cohort: administrators and the
   * Alliance supervisors who may read the cohort. Booking itself is `POST /api/sessions/:id/book`.
   */
  @RequirePermission('cohort:read')
  @Get(':id/group-sessions')
  groupSessions(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<CohortGroupSession[]> {
    return this.reads.groupSessions(user, id);
  }

  /** Administrators: the name at any time; the start date and supervisors before the cohort starts. */
  @RequirePermission('cohort:edit')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateCohortDto,
  ): Promise<CohortResponse> {
    return this.cohorts.update(user, id, body);
  }

  /** Administrators: no new enrolments from now; the records stay. */
  @RequirePermission('cohort:edit')
  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CohortVersionDto,
  ): Promise<CohortResponse> {
    return this.cohorts.close(user, id, body);
  }

  /** Administrators: a cohort created in error, while nothing has happened in it (409 otherwise). */
  @RequirePermission('cohort:edit')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its enrolments and their planned sessions' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CohortVersionDto,
  ): Promise<void> {
    await this.cohorts.remove(user, id, body);
  }
}
