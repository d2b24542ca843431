import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { SessionWorkforce, WorkforceAttendeeView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { AddWorkforceAttendeeDto, RegisterWorkforceAttendanceDto } from './dto/workforce.dto';
import { WorkforceService } from './workforce.service';
import { CreateRoute } from '../idempotency/create-route';

/** The wider support workforce at a session open to them (issue #16, item 6): the Alliance's side only. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class WorkforceController {
  constructor(private readonly workforce: WorkforceService) {}

  @RequirePermission('session:record')
  @Get('sessions/:id/workforce')
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<SessionWorkforce> {
    return this.workforce.list(user, id);
  }

  @RequirePermission('session:record')
  @CreateRoute('sessions/:id/workforce')
  add(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddWorkforceAttendeeDto,
  ): Promise<WorkforceAttendeeView> {
    return this.workforce.add(user, id, body);
  }

  @RequirePermission('session:record')
  @Patch('sessions/:id/workforce/:attendeeId')
  register(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('attendeeId', uuidParam('attendeeId')) attendeeId: string,
    @Body() body: RegisterWorkforceAttendanceDto,
  ): Promise<WorkforceAttendeeView> {
    return this.workforce.register(user, id, attendeeId, body);
  }

  @RequirePermission('session:record')
  @Delete('sessions/:id/workforce/:attendeeId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Taken off the session' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('attendeeId', uuidParam('attendeeId')) attendeeId: string,
  ): Promise<void> {
    await this.workforce.remove(user, id, attendeeId);
  }
}
