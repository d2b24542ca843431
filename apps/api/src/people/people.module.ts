import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { PeopleController } from './people.controller';
import { RoleOffersController } from './role-offers.controller';
import { PeopleService } from './people.service';

@Module({
  controllers: [PeopleController, RoleOffersController],
  providers: [PeopleService, InvitationsService],
  exports: [PeopleService],
})
export class PeopleModule {}
