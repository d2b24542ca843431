import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CohortResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { CohortsService } from './cohorts.service';

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

  @RequirePermission('cohort:read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<CohortResponse> {
    return this.cohorts.get(user, id);
  }
}
