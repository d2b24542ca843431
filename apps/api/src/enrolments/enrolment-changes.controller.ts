import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { EnrolmentChange, EnrolmentSummary, SignedRecords } from '@ccc/contracts';
import type { ResumePreview } from '@ccc/programme';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import {
  ChangeEnrolmentDto,
  EnrolmentVersionDto,
  PauseEnrolmentDto,
  ReopenEnrolmentDto,
  ResumeEnrolmentDto,
} from './dto/change-enrolment.dto';
import { EnrolmentChangesService } from './enrolment-changes.service';
import { EnrolmentHistoryService } from './enrolment-history.service';
import { EnrolmentPausesService } from './enrolment-pauses.service';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('enrolments')
export class EnrolmentChangesController {
  constructor(
    private readonly changes: EnrolmentChangesService,
    private readonly pauses: EnrolmentPausesService,
    private readonly records: EnrolmentHistoryService,
  ) {}

  /** Administrators: another PCN, PCN supervisor or Alliance supervisor from a date; bookings and requests follow. */
  @RequirePermission('enrolment:change')
  @Patch(':id')
  change(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ChangeEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.changes.change(user, id, body);
  }

  /** Administrators: a withdrawn CCC back on the programme. */
  @RequirePermission('enrolment:change')
  @Post(':id/reinstate')
  @HttpCode(200)
  reinstate(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: EnrolmentVersionDto,
  ): Promise<EnrolmentSummary> {
    return this.changes.reinstate(user, id, body);
  }

  /** Administrators: a completed or withdrawn enrolment active again, with the reason; a handover signs again. */
  @RequirePermission('enrolment:change')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReopenEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.changes.reopen(user, id, body);
  }

  /** Administrators: an enrolment made in error, before anything happened in it (409 otherwise). */
  @RequirePermission('enrolment:change')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its planned sessions; the audit trail keeps what it was' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: EnrolmentVersionDto,
  ): Promise<void> {
    await this.changes.remove(user, id, body);
  }

  /** Administrators: the CCC paused from a date, with a reason (409 when not active or already paused). */
  @RequirePermission('enrolment:change')
  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PauseEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.pauses.pause(user, id, body);
  }

  /** Administrators: what resuming would move (each session with its old and new month), changing nothing. */
  @RequirePermission('enrolment:change')
  @Post(':id/resume/preview')
  @HttpCode(200)
  previewResume(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResumeEnrolmentDto,
  ): Promise<ResumePreview> {
    return this.pauses.previewResume(user, id, body);
  }

  /** Administrators: the CCC back from a date; the plan after the pause shifted or not, as the preview showed. */
  @RequirePermission('enrolment:change')
  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResumeEnrolmentDto,
  ): Promise<EnrolmentSummary> {
    return this.pauses.resume(user, id, body);
  }

  /** A supervisor replaced on the enrolment: what they signed for it before the change (read-only; 403 others). */
  @RequirePermission('enrolment:read')
  @Get(':id/signed-by-me')
  signedByMe(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<SignedRecords> {
    return this.records.signedRecords(user, id);
  }

  /** Whoever may read the enrolment: what changed, when, from which date and why. */
  @RequirePermission('enrolment:read')
  @Get(':id/changes')
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<EnrolmentChange[]> {
    return this.records.history(user, id);
  }
}
