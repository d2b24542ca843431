import { attachment } from '../common/content-disposition';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { uuidParam } from '../common/errors';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('subject-access')
@ApiBearerAuth()
@Controller('people/:personId')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  /**
   * Everything the service holds about a person, as a ZIP (GDPR right of access): to the person themself, or to an
   * administrator of an Alliance they hold a role or are enrolled in. Each download is audited.
   */
  @RequirePermission('subject-access:export')
  @Get('subject-access-export')
  @ApiProduces('application/zip')
  async export(
    @CurrentUser() user: AuthUser,
    @Param('personId', uuidParam('personId')) personId: string,
  ): Promise<StreamableFile> {
    const { content, fileName } = await this.subjectAccess.export(user, personId);
    // The type is set only on success, so that an error still answers as JSON.
    return new StreamableFile(content, {
      type: 'application/zip',
      length: content.length,
      disposition: attachment(fileName),
    });
  }
}
