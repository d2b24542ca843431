import { createSecretKey } from 'node:crypto';
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
      // A key object, not the string: given a string (or Buffer), jsonwebtoken first tries to read it as a public
      // key on every request, and that failed attempt (an exception) cost about a twentieth of a simple read's CPU
      // time. jsonwebtoken.verify takes a KeyObject; passport-jwt passes it through, though its types do not say so.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
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
