import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { TnaResponse, TrainingPlanResponse } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam, validationFailed } from '../common/errors';
import {
  CompleteTrainingPlanItemDto,
  CreateTrainingPlanItemDto,
  TnaAgreedRatingsDto,
  TnaSelfRatingsDto,
  UpdateTrainingPlanItemDto,
  VersionDto,
} from './dto/competencies.dto';
import { TnaService } from './tna.service';
import { TrainingPlanService } from './training-plan.service';
import { singleFileUpload, type UploadedFile as Upload } from './uploads';
import { CreateRoute } from '../idempotency/create-route';

/** `:round` is 1 or 2: a 400 naming the parameter otherwise. */
const roundParam = () =>
  new ParseIntPipe({
    exceptionFactory: () => validationFailed([{ field: 'round', reason: 'round must be 1 or 2' }]),
  });
function checkRound(round: number): number {
  if (round !== 1 && round !== 2) throw validationFailed([{ field: 'round', reason: 'round must be 1 or 2' }]);
  return round;
}

@ApiTags('training needs analysis and plan')
@ApiBearerAuth()
@Controller()
export class TnaController {
  constructor(
    private readonly tna: TnaService,
    private readonly plan: TrainingPlanService,
  ) {}

  /** Round 1, and round 2 once round 1 is signed by both; the PCN supervisor reads it. */
  @RequirePermission('tna:read')
  @Get('enrolments/:id/tna')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<TnaResponse> {
    return this.tna.get(user, id);
  }

  /** The CCC rates themself against each competency given. */
  @RequirePermission('tna:write')
  @Put('enrolments/:id/tna/:round/self-ratings')
  rateSelf(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('round', roundParam()) round: number,
    @Body() body: TnaSelfRatingsDto,
  ): Promise<TnaResponse> {
    return this.tna.rateSelf(user, id, checkRound(round), body);
  }

  /** The CCC's own Alliance supervisor: the agreed rating and needs per competency. */
  @RequirePermission('tna:write')
  @Put('enrolments/:id/tna/:round/agreed-ratings')
  agree(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('round', roundParam()) round: number,
    @Body() body: TnaAgreedRatingsDto,
  ): Promise<TnaResponse> {
    return this.tna.agree(user, id, checkRound(round), body);
  }

  /** The CCC or their own Alliance supervisor signs for their side. */
  @RequirePermission('tna:write')
  @Post('enrolments/:id/tna/:round/sign')
  @HttpCode(200)
  sign(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('round', roundParam()) round: number,
    @Body() body: VersionDto,
  ): Promise<TnaResponse> {
    return this.tna.sign(user, id, checkRound(round), body.version);
  }

  @RequirePermission('training-plan:read')
  @Get('enrolments/:id/training-plan')
  trainingPlan(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<TrainingPlanResponse> {
    return this.plan.plan(user, id);
  }

  /** The CCC or their own Alliance supervisor adds an item. */
  @RequirePermission('training-plan:edit')
  @CreateRoute('enrolments/:id/training-plan-items')
  addItem(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreateTrainingPlanItemDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.create(user, id, body);
  }

  @RequirePermission('training-plan:edit')
  @Patch('training-plan-items/:id')
  changeItem(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateTrainingPlanItemDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.update(user, id, body);
  }

  /** Removes an item not done yet (the body carries the version read). */
  @RequirePermission('training-plan:edit')
  @Delete('training-plan-items/:id')
  removeItem(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: VersionDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.remove(user, id, body);
  }

  /** The CCC or their own Alliance supervisor accepts a need proposed from a signed TNA, as proposed or edited. */
  @RequirePermission('training-plan:edit')
  @Post('enrolments/:id/tna/:round/proposals/:code/accept')
  @HttpCode(200)
  acceptProposal(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('round', roundParam()) round: number,
    @Param('code') code: string,
    @Body() body: UpdateTrainingPlanItemDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.decideProposal(user, id, checkRound(round), code, 'accepted', body);
  }

  /** ... or drops it: it is no longer proposed. */
  @RequirePermission('training-plan:edit')
  @Post('enrolments/:id/tna/:round/proposals/:code/drop')
  @HttpCode(200)
  dropProposal(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('round', roundParam()) round: number,
    @Param('code') code: string,
    @Body() body: VersionDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.decideProposal(user, id, checkRound(round), code, 'dropped', body);
  }

  /** The CCC marks an item done (multipart: completedOn, version, optional certificate file). */
  @RequirePermission('training:complete')
  @Post('training-plan-items/:id/complete')
  @HttpCode(200)
  @UseInterceptors(singleFileUpload('certificate'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['completedOn', 'version'],
      properties: {
        completedOn: { type: 'string', example: '2026-11-24' },
        version: { type: 'integer' },
        certificate: { type: 'string', format: 'binary' },
      },
    },
  })
  complete(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @UploadedFile() certificate: Upload | undefined,
    @Body() body: CompleteTrainingPlanItemDto,
  ): Promise<TrainingPlanResponse> {
    return this.plan.complete(user, id, body, certificate);
  }
}
