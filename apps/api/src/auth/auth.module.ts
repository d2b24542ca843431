import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleModule } from '../people/people.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_ALGORITHM, JwtStrategy } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';

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
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, LoginLimiter],
})
export class AuthModule {}
