import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** Each Alliance's information-governance policy and the public privacy notice built from it. */
@Module({ controllers: [PrivacyController], providers: [PrivacyService] })
export class PrivacyModule {}
