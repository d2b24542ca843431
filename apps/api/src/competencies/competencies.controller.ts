import { attachment } from '../common/content-disposition';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CompetencyDetailResponse, CompetencyGridResponse, SignOffInboxResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import {
  EvidenceFileFieldsDto,
  ReturnEvidenceDto,
  SignOffDto,
  SubmitEvidenceDto,
  VersionDto,
  WithdrawSignOffDto,
} from './dto/competencies.dto';
import { EvidenceService } from './evidence.service';
import { ProgressService } from './progress.service';
import { CompetencyReadsService } from './competency-reads.service';
import { RecordService } from './record.service';
import { requireFile, singleFileUpload, type UploadedFile as Upload } from './uploads';
import { CreateRoute } from '../idempotency/create-route';

const BASE = 'enrolments/:id/competencies/:code';

/** A file part and an optional note, for the OpenAPI document. */
const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' }, text: { type: 'string' } },
  },
};

@ApiTags('competencies')
@ApiBearerAuth()
@Controller()
export class CompetenciesController {
  constructor(
    private readonly progress: ProgressService,
    private readonly evidence: EvidenceService,
    private readonly reads: CompetencyReadsService,
    private readonly record: RecordService,
  ) {}

  /** Alliance supervisor: evidence waiting for review, oldest first. CCC: what was returned to them. */
  @RequirePermission('competency:read')
  @Get('competencies/inbox')
  inbox(@CurrentUser() user: AuthUser): Promise<SignOffInboxResponse> {
    return this.reads.inbox(user);
  }

  /** The grid: domains × competencies with each one's state. Anyone who may read the enrolment. */
  @RequirePermission('competency:read')
  @Get('enrolments/:id/competencies')
  grid(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<CompetencyGridResponse> {
    return this.reads.grid(user, id);
  }

  @RequirePermission('competency:read')
  @Get(BASE)
  detail(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
  ): Promise<CompetencyDetailResponse> {
    return this.reads.detail(user, id, code);
  }

  /** The CCC starts working towards a competency. */
  @RequirePermission('competency:submit')
  @Post(`${BASE}/start`)
  @HttpCode(200)
  start(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() body: VersionDto,
  ): Promise<CompetencyDetailResponse> {
    return this.progress.start(user, id, code, body);
  }

  /** The CCC adds a reflection or a link; the reviewer is told. */
  @RequirePermission('competency:submit')
  @CreateRoute(`${BASE}/evidence`)
  submitEvidence(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() body: SubmitEvidenceDto,
  ): Promise<CompetencyDetailResponse> {
    return this.evidence.submitEvidence(user, id, code, body);
  }

  /** The CCC adds a file (PDF, image or Office document, at most 10 MB: 413 above, 415 for another type). */
  @RequirePermission('competency:submit')
  @CreateRoute(`${BASE}/evidence/file`)
  @UseInterceptors(singleFileUpload('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  submitEvidenceFile(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @UploadedFile() file: Upload | undefined,
    @Body() fields: EvidenceFileFieldsDto,
  ): Promise<CompetencyDetailResponse> {
    return this.evidence.submitEvidenceFile(user, id, code, requireFile(file, 'file'), fields.text);
  }

  /** The CCC removes evidence no reviewer has decided on yet (a file's content is erased). */
  @RequirePermission('competency:submit')
  @Delete(`${BASE}/evidence/:evidenceId`)
  removeEvidence(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Param('evidenceId', uuidParam('evidenceId')) evidenceId: string,
  ): Promise<CompetencyDetailResponse> {
    return this.evidence.removeEvidence(user, id, code, evidenceId);
  }

  /** The CCC's own Alliance supervisor signs off: a rating on the scale and a comment. */
  @RequirePermission('competency:review')
  @Post(`${BASE}/sign-off`)
  @HttpCode(200)
  signOff(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() body: SignOffDto,
  ): Promise<CompetencyDetailResponse> {
    return this.progress.signOff(user, id, code, body);
  }

  /** Back to the CCC with a comment saying what more is needed. */
  @RequirePermission('competency:review')
  @Post(`${BASE}/return`)
  @HttpCode(200)
  returnEvidence(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() body: ReturnEvidenceDto,
  ): Promise<CompetencyDetailResponse> {
    return this.progress.returnEvidence(user, id, code, body);
  }

  /** Withdraws a sign-off with a reason; the sign-off stays on record. */
  @RequirePermission('competency:review')
  @Post(`${BASE}/withdraw-sign-off`)
  @HttpCode(200)
  withdrawSignOff(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('code') code: string,
    @Body() body: WithdrawSignOffDto,
  ): Promise<CompetencyDetailResponse> {
    return this.progress.withdrawSignOff(user, id, code, body);
  }

  /** An evidence file or certificate, to anyone who may read the CCC's record. */
  @RequirePermission('competency:read')
  @Get('evidence-files/:id')
  @ApiProduces('application/octet-stream')
  async download(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<StreamableFile> {
    const { file, content } = await this.reads.download(user, id);
    return new StreamableFile(content, {
      type: file.contentType,
      length: content.length,
      disposition: attachment(file.fileName),
    });
  }

  /** The CCC's portable record as a PDF: competencies with sign-offs, training done, sessions attended. */
  @RequirePermission('record:read')
  @Get('enrolments/:id/record.pdf')
  @ApiProduces('application/pdf')
  async recordPdf(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<StreamableFile> {
    const { content, fileName } = await this.record.pdf(user, id);
    return new StreamableFile(content, {
      type: 'application/pdf',
      length: content.length,
      disposition: attachment(fileName),
    });
  }
}
