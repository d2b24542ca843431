import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

@Module({ controllers: [PeopleController], providers: [PeopleService, InvitationsService], exports: [PeopleService] })
export class PeopleModule {}
