import { Controller, Get, HttpCode, Inject, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PeopleImportReport } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { requireFile, singleFileUpload, type UploadedFile as Upload } from '../competencies/uploads';
import { API_CONFIG, type ApiConfig } from '../config';
import { MAX_PEOPLE_FILE_BYTES } from './people-import-files';
import { PeopleImportService } from './people-import.service';
import { CreateRoute } from '../idempotency/create-route';

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'CSV or XLSX, the template’s columns' } },
  },
};

/** Administrators: their Alliance's people from a spreadsheet, dry run first (issue #16, item 5). */
@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class PeopleImportController {
  constructor(
    private readonly imports: PeopleImportService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @RequirePermission('people:invite')
  @Get('people/imports/template.csv')
  @ApiProduces('text/csv')
  template(): StreamableFile {
    return new StreamableFile(Buffer.from(this.imports.template(), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="people-import-template.csv"',
    });
  }

  /** Changes nothing: each row's outcome and every problem with its row and column. */
  @RequirePermission('people:invite')
  @Post('people/imports/dry-run')
  @HttpCode(200)
  @UseInterceptors(singleFileUpload('file', MAX_PEOPLE_FILE_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  dryRun(@CurrentUser() user: AuthUser, @UploadedFile() file: Upload | undefined): Promise<PeopleImportReport> {
    return this.imports.dryRun(user, requireFile(file, 'file'));
  }

  /** Every row in one transaction, or nothing (400 naming each row and column); invitations go out after commit. */
  @RequirePermission('people:invite')
  @CreateRoute('people/imports')
  @UseInterceptors(singleFileUpload('file', MAX_PEOPLE_FILE_BYTES))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  import(@CurrentUser() user: AuthUser, @UploadedFile() file: Upload | undefined): Promise<PeopleImportReport> {
    return this.imports.import(user, requireFile(file, 'file'), this.config.publicUrl);
  }
}
