import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AmendmentView, HandoverView, OutcomesView, SurveyResponseView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { AmendmentsService } from './amendments.service';
import { CreateAmendmentDto } from './dto/amendment.dto';
import { SignHandoverDto, UpdateHandoverDto } from './dto/handover.dto';
import { RecordOutcomesDto } from './dto/outcomes.dto';
import { SaveSurveyDto } from './dto/survey.dto';
import { HandoverService } from './handover.service';
import { OutcomesService } from './outcomes.service';
import { SurveyService } from './survey.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('month-six')
@ApiBearerAuth()
@Controller('enrolments/:id')
export class MonthSixController {
  constructor(
    private readonly handover: HandoverService,
    private readonly survey: SurveyService,
    private readonly outcomes: OutcomesService,
    private readonly amendments: AmendmentsService,
  ) {}

  /** Everyone who may read the enrolment; `version` 0 when nothing is written yet. */
  @RequirePermission('handover:read')
  @Get('handover')
  getHandover(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<HandoverView> {
    return this.handover.view(user, id);
  }

  /** The three parties, while the enrolment is active. A change clears the signatures given. */
  @RequirePermission('handover:edit')
  @Put('handover')
  updateHandover(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateHandoverDto,
  ): Promise<HandoverView> {
    return this.handover.update(user, id, body);
  }

  /** Each party signs as themself; the third signature completes the enrolment. */
  @RequirePermission('handover:sign')
  @Post('handover/sign')
  @HttpCode(200)
  signHandover(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SignHandoverDto,
  ): Promise<HandoverView> {
    return this.handover.sign(user, id, body);
  }

  /** The caller's own response (the CCC, or a PCN supervisor of the CCC's PCN). */
  @RequirePermission('survey:respond')
  @Get('survey')
  getSurvey(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<SurveyResponseView> {
    return this.survey.get(user, id);
  }

  @RequirePermission('survey:respond')
  @Put('survey')
  saveSurvey(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SaveSurveyDto,
  ): Promise<SurveyResponseView> {
    return this.survey.save(user, id, body, false);
  }

  @RequirePermission('survey:respond')
  @Post('survey/submit')
  @HttpCode(200)
  submitSurvey(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SaveSurveyDto,
  ): Promise<SurveyResponseView> {
    return this.survey.save(user, id, body, true);
  }

  @RequirePermission('outcomes:read')
  @Get('outcomes')
  getOutcomes(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<OutcomesView> {
    return this.outcomes.get(user, id);
  }

  /** The CCC, for their own enrolment while it is active. */
  @RequirePermission('outcomes:record')
  @Put('outcomes')
  recordOutcomes(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordOutcomesDto,
  ): Promise<OutcomesView> {
    return this.outcomes.record(user, id, body);
  }

  @RequirePermission('amendment:read')
  @Get('amendments')
  listAmendments(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<AmendmentView[]> {
    return this.amendments.list(user, id);
  }

  /** An administrator or the CCC's Alliance supervisor corrects a completed (or withdrawn) enrolment's record. */
  @RequirePermission('amendment:create')
  @CreateRoute('amendments')
  createAmendment(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreateAmendmentDto,
  ): Promise<AmendmentView> {
    return this.amendments.create(user, id, body);
  }
}
