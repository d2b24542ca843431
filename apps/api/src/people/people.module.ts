import { Module } from '@nestjs/common';
import { BulkInvitationsService } from './bulk-invitations.service';
import { InvitationsService } from './invitations.service';
import { PeopleDirectoryService } from './people-directory.service';
import { InvitationAnswersService } from './invitation-answers.service';
import { PeopleAdminController } from './people-admin.controller';
import { PeopleAdminService } from './people-admin.service';
import { PeopleController } from './people.controller';
import { PeopleImportController } from './people-import.controller';
import { PeopleImportService } from './people-import.service';
import { RoleOffersController } from './role-offers.controller';
import { PeopleService } from './people.service';

@Module({
  controllers: [PeopleController, PeopleImportController, RoleOffersController, PeopleAdminController],
  providers: [
    PeopleService,
    InvitationsService,
    BulkInvitationsService,
    PeopleDirectoryService,
    InvitationAnswersService,
    PeopleImportService,
    PeopleAdminService,
  ],
  exports: [PeopleService],
})
export class PeopleModule {}
