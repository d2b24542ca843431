import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../common/auth-user';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleService } from '../people/people.service';

/** Access tokens are signed and accepted with this one algorithm only (no `none`, no algorithm confusion). */
export const JWT_ALGORITHM = 'HS256';

export interface AccessClaims {
  sub?: unknown;
  sid?: unknown;
  exp?: unknown;
}

/** A token names a person and a session, and carries an expiry (jsonwebtoken accepts a token without one). */
export function hasSession(claims: AccessClaims): claims is { sub: string; sid: string; exp: number } {
  return (
    typeof claims.sub === 'string' &&
    claims.sub !== '' &&
    typeof claims.sid === 'string' &&
    claims.sid !== '' &&
    typeof claims.exp === 'number'
  );
}

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
      algorithms: [JWT_ALGORITHM],
    });
  }

  /** Roles and the session are read from the database on each request, so a removed role or a sign-out takes effect at once. */
  async validate(payload: AccessClaims): Promise<AuthUser> {
    const user = hasSession(payload) ? await this.people.loadAuthUser(payload.sub, payload.sid) : null;
    if (!user) throw new UnauthorizedException('Your session is no longer valid; sign in again');
    return user;
  }
}
