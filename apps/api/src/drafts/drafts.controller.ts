import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DraftView } from '@ccc/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { DraftsService } from './drafts.service';
import { SaveDraftDto } from './dto/save-draft.dto';

@ApiTags('drafts')
@ApiBearerAuth()
@Controller('drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  /** The caller's own draft under this key; `content` null when there is none. */
  @RequirePermission('drafts:manage')
  @Get(':key')
  get(@CurrentUser() user: AuthUser, @Param('key') key: string): Promise<DraftView> {
    return this.drafts.get(user, key);
  }

  /** Saved as typed (autosave): the last save wins. */
  @RequirePermission('drafts:manage')
  @Put(':key')
  save(@CurrentUser() user: AuthUser, @Param('key') key: string, @Body() body: SaveDraftDto): Promise<DraftView> {
    return this.drafts.save(user, key, body.content);
  }

  @RequirePermission('drafts:manage')
  @Delete(':key')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('key') key: string): Promise<void> {
    return this.drafts.remove(user, key);
  }
}
