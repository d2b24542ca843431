import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrganisationView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { CreateOrganisationDto, OrganisationVersionDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';
import { CreateRoute } from '../idempotency/create-route';

/** Administrators: the PCNs of their Alliance (GET /api/organisations lists them, in the people module). */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @RequirePermission('organisation:manage')
  @CreateRoute()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.create(user, body);
  }

  @RequirePermission('organisation:manage')
  @Patch(':id')
  rename(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.organisations.rename(user, id, body);
  }

  /** Its history stays; it takes no new enrolments, invitations or moves. */
  @RequirePermission('organisation:manage')
  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: OrganisationVersionDto,
  ): Promise<OrganisationView> {
    return this.organisations.close(user, id, body);
  }
}
