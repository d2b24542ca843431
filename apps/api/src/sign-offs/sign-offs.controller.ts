import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MySignOffsResponse, SignOffsSummary } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { SignOffsQueryDto } from './dto/sign-offs-query.dto';
import { SignOffsService } from './sign-offs.service';

@ApiTags('sign-offs')
@ApiBearerAuth()
@Controller()
export class SignOffsController {
  constructor(private readonly signOffs: SignOffsService) {}

  /**
   * The caller's own sign-offs across the CCCs they sign for: an Alliance supervisor's caseload, a PCN
   * supervisor's PCNs, a CCC's own enrolment. What awaits them, what they signed, what they wait on.
   */
  @RequirePermission('sign-offs:read')
  @Get('sign-offs')
  mine(@CurrentUser() user: AuthUser, @Query() query: SignOffsQueryDto): Promise<MySignOffsResponse> {
    return this.signOffs.mine(user, query);
  }

  /** The counts each home page shows: what awaits the caller and, for a CCC, what they wait on. */
  @RequirePermission('sign-offs:read')
  @Get('sign-offs/summary')
  summary(@CurrentUser() user: AuthUser): Promise<SignOffsSummary> {
    return this.signOffs.summary(user);
  }
}
