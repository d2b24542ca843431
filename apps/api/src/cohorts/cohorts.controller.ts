import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CohortResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { CohortsService } from './cohorts.service';
import { CreateCohortDto } from './dto/create-cohort.dto';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  /** Administrators; Alliance supervisors for the cohorts they run or supervise CCCs in. */
  @RequirePermission('cohort:read')
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<CohortResponse[]> {
    return this.cohorts.list(user);
  }

  /** Administrators: a new cohort of a template version, with the Alliance supervisors who run it. */
  @RequirePermission('cohort:create')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(user, body);
  }

  @RequirePermission('cohort:read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<CohortResponse> {
    return this.cohorts.get(user, id);
  }
}
