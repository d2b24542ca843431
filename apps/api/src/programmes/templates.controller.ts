import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TemplateResponse } from '@ccc/contracts';
import { RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  /** Administrators and Alliance supervisors: each version with the warnings a person should read. */
  @RequirePermission('template:read')
  @Get()
  list(): Promise<TemplateResponse[]> {
    return this.templates.list();
  }

  @RequirePermission('template:read')
  @Get(':id')
  get(@Param('id', uuidParam('id')) id: string): Promise<TemplateResponse> {
    return this.templates.get(id);
  }
}
