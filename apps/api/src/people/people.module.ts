import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { PeopleController } from './people.controller';
import { PeopleImportController } from './people-import.controller';
import { PeopleImportService } from './people-import.service';
import { RoleOffersController } from './role-offers.controller';
import { PeopleService } from './people.service';

@Module({
  controllers: [PeopleController, PeopleImportController, RoleOffersController],
  providers: [PeopleService, InvitationsService, PeopleImportService],
  exports: [PeopleService],
})
export class PeopleModule {}
