import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TemplateResponse, TemplateValidationResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { TemplateVersionDto } from './dto/template-version.dto';
import { TemplatesService } from './templates.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  /** Administrators and Alliance supervisors: each version with the warnings a person should read. */
  @RequirePermission('template:read')
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<TemplateResponse[]> {
    return this.templates.list(user);
  }

  @RequirePermission('template:read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<TemplateResponse> {
    return this.templates.get(user, id);
  }

  /** Administrators: the dry run of saving the next version of this template (errors and warnings, nothing saved). */
  @RequirePermission('template:edit')
  @Post(':id/versions/validate')
  @HttpCode(200)
  validate(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: TemplateVersionDto,
  ): Promise<TemplateValidationResponse> {
    return this.templates.validate(user, id, body);
  }

  /** Administrators: saves the next version (key kept, version + 1); with warnings, only once acknowledged. */
  @RequirePermission('template:edit')
  @CreateRoute(':id/versions')
  createVersion(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: TemplateVersionDto,
  ): Promise<TemplateResponse> {
    return this.templates.createVersion(user, id, body);
  }
}
