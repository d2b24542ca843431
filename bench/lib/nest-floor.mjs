// The framework's floor: the baseline's replay of a row's statements (replay.mjs), served by NestJS on Express with
// what the design fixes and every API request meets in production — request logging (nestjs-pino, at the level the
// API measured logs at), compression, security headers, cookie parsing, the JSON body parser, and the caller's
// access token checked by passport-jwt (the person and session look-up is among the statements replayed) — and
// nothing of the API's own: no guards of its own, TypeORM or services. Between the bare-pg baseline and the API, it
// shows how much of the difference is the stack, which no change to the API's own code can remove.
import 'reflect-metadata';
import { Buffer } from 'node:buffer';
import { createSecretKey } from 'node:crypto';
import { Controller, Get, Injectable, Module, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { LoggerModule } from 'nestjs-pino';
import { ExtractJwt, Strategy } from 'passport-jwt';
import pg from 'pg';
import { trackInFlight } from './harness.mjs';
import { replayPlan } from './replay.mjs';

/** `jwtSecret`: the API's, so that the tokens the API's callers hold are checked as the API checks them. */
export async function startNestFloorServer({ databaseUrl, poolSize, plans, jwtSecret }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });

  class AccessTokenStrategy extends PassportStrategy(Strategy, 'jwt') {
    constructor() {
      super({
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: createSecretKey(Buffer.from(jwtSecret)),
        algorithms: ['HS256'],
      });
    }
    validate(claims) {
      return claims;
    }
  }
  Injectable()(AccessTokenStrategy);

  // Decorators applied by hand: this is plain JavaScript.
  class ReplayController {
    async replay(key) {
      const steps = plans[`/replay/${key}`];
      if (!steps) throw new NotFoundException();
      return replayPlan(pool, steps);
    }
  }
  Param('key')(ReplayController.prototype, 'replay', 0);
  Get('replay/:key')(
    ReplayController.prototype,
    'replay',
    Object.getOwnPropertyDescriptor(ReplayController.prototype, 'replay'),
  );
  UseGuards(AuthGuard('jwt'))(ReplayController);
  Controller()(ReplayController);
  class FloorModule {}
  Module({
    imports: [
      LoggerModule.forRoot({ pinoHttp: { level: process.env.NODE_ENV === 'test' ? 'error' : 'info' } }),
      PassportModule,
    ],
    controllers: [ReplayController],
    providers: [AccessTokenStrategy],
  })(FloorModule);

  const app = await NestFactory.create(FloorModule, { logger: ['error'], bodyParser: true });
  app.use(compression());
  app.use(helmet());
  app.use(cookieParser());
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    drained: trackInFlight(server),
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
