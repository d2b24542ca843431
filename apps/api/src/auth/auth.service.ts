import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import type { LoginResponse } from '@ccc/contracts';
import { API_CONFIG, type ApiConfig } from '../config';
import { PeopleService } from '../people/people.service';

// Verified when the email is unknown so that a wrong email and a wrong password take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$IFUKw/MDYvUQL6m2eeJTvg$RplJAirh4qyRFe/ZjkOlPCCV3mKtl37g51/Qh+Ds7EI';

@Injectable()
export class AuthService {
  constructor(
    private readonly people: PeopleService,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const person = await this.people.findWithPasswordHash(email);
    const hash = person?.passwordHash ?? DUMMY_HASH;
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!person || !person.passwordHash || !ok) throw new UnauthorizedException('Email or password is incorrect');
    const me = await this.people.describe(person.id);
    if (!me) throw new UnauthorizedException('Email or password is incorrect');
    const accessToken = await this.jwt.signAsync({ sub: person.id }, { expiresIn: this.config.jwtExpiresInSeconds });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, me };
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
