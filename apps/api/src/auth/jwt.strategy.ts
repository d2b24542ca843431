import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../common/auth-user';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleService } from '../people/people.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly people: PeopleService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      ignoreExpiration: false,
    });
  }

  /** Roles and the session are read from the database on each request, so a removed role or a sign-out takes effect at once. */
  async validate(payload: { sub?: string; sid?: string }): Promise<AuthUser> {
    const user = payload.sub && payload.sid ? await this.people.loadAuthUser(payload.sub, payload.sid) : null;
    if (!user) throw new UnauthorizedException('Your session is no longer valid; sign in again');
    return user;
  }
}
