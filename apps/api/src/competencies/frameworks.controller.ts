import { attachment } from '../common/content-disposition';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CohortFrameworkResponse,
  FrameworkImportResponse,
  FrameworkResponse,
  MoveCohortFrameworkResponse,
  FrameworkSummary,
} from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import {
  ExportFrameworkQueryDto,
  ImportFrameworkFieldsDto,
  MoveCohortFrameworkDto,
  SetCohortFrameworkDto,
} from './dto/competencies.dto';
import { FrameworksService, MAX_FRAMEWORK_FILE_BYTES } from './frameworks.service';
import { requireFile, singleFileUpload, type UploadedFile as Upload } from './uploads';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('competency frameworks')
@ApiBearerAuth()
@Controller()
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  /** Every version of every framework, newest version first within a key. */
  @RequirePermission('framework:read')
  @Get('competency-frameworks')
  list(@CurrentUser() user: AuthUser): Promise<FrameworkSummary[]> {
    return this.frameworks.list(user);
  }

  @RequirePermission('framework:read')
  @Get('competency-frameworks/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<FrameworkResponse> {
    return this.frameworks.get(user, id);
  }

  /** The framework as a file to edit and import again: JSON (default) or CSV, one row per competency. */
  @RequirePermission('framework:read')
  @Get('competency-frameworks/:id/export')
  @ApiProduces('application/json', 'text/csv')
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ExportFrameworkQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.frameworks.export(user, id, query.format ?? 'json');
    return new StreamableFile(Buffer.from(file.text, 'utf8'), {
      type: file.contentType,
      disposition: attachment(file.fileName),
    });
  }

  /**
   * An administrator imports a framework file (JSON or CSV, at most 1 MB): a new version of its key, which the
   * cohorts on that key move to. Nothing is stored when the file is malformed (400, with row and column) or
   * when progress recorded against a competency would be lost (409).
   */
  @RequirePermission('framework:manage')
  @CreateRoute('competency-frameworks/import')
  @UseInterceptors(singleFileUpload('file', MAX_FRAMEWORK_FILE_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, format: { type: 'string', enum: ['json', 'csv'] } },
    },
  })
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Upload | undefined,
    @Body() fields: ImportFrameworkFieldsDto,
  ): Promise<FrameworkImportResponse> {
    return this.frameworks.import(user, requireFile(file, 'file'), fields.format);
  }

  /** An administrator sets the framework version a cohort's CCCs work towards (409 if progress would be lost). */
  @RequirePermission('framework:manage')
  @Put('cohorts/:id/competency-framework')
  setCohortFramework(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SetCohortFrameworkDto,
  ): Promise<CohortFrameworkResponse> {
    return this.frameworks.setCohortFramework(user, id, body);
  }

  /**
   * An administrator moves a cohort (a running one included) to another framework version, listing what changes;
   * `dryRun` lists without moving. Signed-off competencies keep the wording signed.
   */
  @RequirePermission('framework:manage')
  @Post('cohorts/:id/competency-framework/move')
  @HttpCode(200)
  moveCohortFramework(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: MoveCohortFrameworkDto,
  ): Promise<MoveCohortFrameworkResponse> {
    return this.frameworks.moveCohort(user, id, body);
  }
}
