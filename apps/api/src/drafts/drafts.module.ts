import { Module } from '@nestjs/common';
import { DraftsCleanup } from './drafts-cleanup';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

/** Each person's drafts over HTTP; a draft goes when what it drafted is submitted (DraftsCleanup). */
@Module({ controllers: [DraftsController], providers: [DraftsService, DraftsCleanup] })
export class DraftsModule {}
