import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DutiesResponse, ExpectationsResponse, PcnHomeRow } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { AttestDto, AttestDutyDto } from './dto/attest.dto';
import { ExpectationsService } from './expectations.service';
import { CreateRoute } from '../idempotency/create-route';

@ApiTags('expectations')
@ApiBearerAuth()
@Controller()
export class ExpectationsController {
  constructor(private readonly expectations: ExpectationsService) {}

  /** Anyone who may read the enrolment: each party's expectations with their state and evidence. */
  @RequirePermission('expectations:read')
  @Get('enrolments/:id/expectations')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<ExpectationsResponse> {
    return this.expectations.forEnrolment(user, id);
  }

  /** The responsible party only (the CCC, a PCN supervisor of their PCN, their Alliance supervisor). */
  @RequirePermission('expectations:attest')
  @CreateRoute('enrolments/:id/attestations')
  attest(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AttestDto,
  ): Promise<ExpectationsResponse> {
    return this.expectations.attest(user, id, body);
  }

  /** Anyone who may read the enrolment: the PCN's and the Alliance's Table 2 duties to the CCC, each confirmed or not. */
  @RequirePermission('expectations:read')
  @Get('enrolments/:id/duties')
  duties(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string): Promise<DutiesResponse> {
    return this.expectations.duties(user, id);
  }

  /** The duty's party only (a PCN supervisor of the CCC's PCN; their Alliance supervisor), once it can be true. */
  @RequirePermission('expectations:attest')
  @CreateRoute('enrolments/:id/duties/:key/attestation')
  attestDuty(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('key') key: string,
    @Body() body: AttestDutyDto,
  ): Promise<DutiesResponse> {
    return this.expectations.attestDuty(user, id, key, body);
  }

  /** PCN supervisors (and administrators): everything that awaits the PCN, per CCC, on one screen. */
  @RequirePermission('pcn-home:read')
  @Get('pcn-home')
  pcnHome(@CurrentUser() user: AuthUser): Promise<PcnHomeRow[]> {
    return this.expectations.pcnHome(user);
  }
}
