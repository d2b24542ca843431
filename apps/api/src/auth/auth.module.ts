import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleModule } from '../people/people.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_ALGORITHM, JwtStrategy } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SsoSettingsController } from './oidc/sso-settings.controller';
import { SsoSettingsService } from './oidc/sso-settings.service';

@Module({
  imports: [
    PeopleModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, OidcController, SsoSettingsController],
  providers: [AuthService, JwtStrategy, LoginLimiter, OidcService, SsoSettingsService],
})
export class AuthModule {}
